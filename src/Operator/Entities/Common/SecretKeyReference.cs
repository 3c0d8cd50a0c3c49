using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

/// <summary>A key in a Secret in the same namespace.</summary>
[Description("A key of a Secret in the same namespace.")]
[AtomicStruct]
public sealed class SecretKeyReference
{
    [Description("Name of the Secret, in the same namespace.")]
    [Required]
    [MaxLength(253)]
    [RegularExpression(Patterns.KubeName)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Description("Key inside the Secret's data. Default: password.")]
    [Default("password")]
    [MinLength(1)]
    [MaxLength(253)]
    [RegularExpression("^[-._a-zA-Z0-9]+$")]
    [JsonPropertyName("key")]
    public string Key { get; set; } = "password";
}
