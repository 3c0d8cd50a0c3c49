using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

/// <summary>A reference to another object in the same namespace.</summary>
[Description("A reference to another object in the same namespace.")]
[AtomicStruct]
public sealed class LocalObjectReference
{
    [Description("Name of the object, in the same namespace.")]
    [Required]
    [MaxLength(253)]
    [RegularExpression(Patterns.KubeName)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
