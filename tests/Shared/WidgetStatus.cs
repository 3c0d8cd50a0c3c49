using System.Text.Json.Serialization;
using Ebops.Operator.Entities;

namespace Ebops.Tests.Shared;

public sealed class WidgetStatus : ResourceStatus
{
    [JsonPropertyName("note")]
    public string? Note { get; set; }
}
