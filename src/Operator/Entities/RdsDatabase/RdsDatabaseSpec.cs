using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The desired RDS for MySQL DB instance.")]
public sealed class RdsDatabaseSpec
{
    [Description("DB instance identifier in AWS: 1-63 lower-case letters, digits and hyphens, starting with a letter, no '--', no trailing hyphen. Immutable.")]
    [Required]
    [MinLength(1)]
    [MaxLength(63)]
    [RegularExpression(Patterns.RdsIdentifier)]
    [CelRule("self == oldSelf", Message = "spec.identifier is immutable")]
    [JsonPropertyName("identifier")]
    public string Identifier { get; set; } = "";

    [Description("Database engine. Only mysql is supported. Default: mysql.")]
    [Default("mysql")]
    [JsonPropertyName("engine")]
    public RdsEngine Engine { get; set; } = RdsEngine.Mysql;

    [Description("Engine version, e.g. 8.0 (latest minor) or 8.0.39. Default: 8.0. Only upgrades are applied.")]
    [Default("8.0")]
    [MaxLength(32)]
    [RegularExpression(Patterns.EngineVersion)]
    [JsonPropertyName("engineVersion")]
    public string EngineVersion { get; set; } = "8.0";

    [Description("DB instance class, e.g. db.t3.micro. Default: db.t3.micro.")]
    [Default("db.t3.micro")]
    [MaxLength(64)]
    [RegularExpression(Patterns.RdsInstanceClass)]
    [JsonPropertyName("instanceClass")]
    public string InstanceClass { get; set; } = "db.t3.micro";

    [Description("Allocated storage in GiB, 20-65536. Default: 20. Storage can grow but never shrink.")]
    [Default(20)]
    [Range(20, 65536)]
    [CelRule("self >= oldSelf", Message = "spec.allocatedStorage cannot be decreased")]
    [JsonPropertyName("allocatedStorage")]
    public int AllocatedStorage { get; set; } = 20;

    [Description("Name of the database created in the instance: 1-64 letters, digits and underscores, starting with a letter. Immutable.")]
    [MinLength(1)]
    [MaxLength(64)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]*$")]
    [CelRule("self == oldSelf", Message = "spec.dbName is immutable")]
    [JsonPropertyName("dbName")]
    public string? DbName { get; set; }

    [Description("Whether the instance gets a public DNS name reachable from outside the VPC (still subject to the security group). Default: false.")]
    [Default(false)]
    [JsonPropertyName("publiclyAccessible")]
    public bool PubliclyAccessible { get; set; }

    [Description("Where the instance lives (DB subnet group) and who may connect (security group rules).")]
    [JsonPropertyName("network")]
    public RdsNetwork? Network { get; set; }

    [Description("Master user name: 1-16 letters and digits, starting with a letter (RDS for MySQL's rule). Default: admin. Immutable.")]
    [Default("admin")]
    [MinLength(1)]
    [MaxLength(16)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]*$")]
    [CelRule("self == oldSelf", Message = "spec.masterUsername is immutable")]
    [JsonPropertyName("masterUsername")]
    public string MasterUsername { get; set; } = "admin";

    [Description("Where the master password comes from. A change of the Secret's content is applied to the instance (rotation).")]
    [Required]
    [JsonPropertyName("masterPassword")]
    public MasterPasswordSource MasterPassword { get; set; } = new();

    [Description("A DB parameter group owned by this resource, with parameter overrides and a reboot policy.")]
    [JsonPropertyName("parameters")]
    public RdsParameters? Parameters { get; set; }

    [Description("What deleting this resource does to the instance.")]
    [DefaultObject]
    [JsonPropertyName("deletion")]
    public RdsDeletion Deletion { get; set; } = new();

    [Description("A Secret this resource writes with keys host, port, dbname, username and password.")]
    [JsonPropertyName("connectionSecret")]
    public LocalObjectReference? ConnectionSecret { get; set; }
}
