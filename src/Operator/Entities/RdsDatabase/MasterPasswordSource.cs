using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The master password: a key of a Secret, optionally generated when the Secret or key is missing.")]
public sealed class MasterPasswordSource
{
    [Description("The Secret and key holding the password.")]
    [Required]
    [JsonPropertyName("secretRef")]
    public SecretKeyReference SecretRef { get; set; } = new();

    [Description("Create the Secret (or add the key) with a random 32-character password when missing. Default: false.")]
    [Default(false)]
    [JsonPropertyName("generateIfMissing")]
    public bool GenerateIfMissing { get; set; }
}
