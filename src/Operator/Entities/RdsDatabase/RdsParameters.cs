using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("A DB parameter group owned by this resource, named after the identifier.")]
public sealed class RdsParameters
{
    [Description("Parameter group family, e.g. mysql8.0. Must match the engine version. Default: mysql8.0.")]
    [Default("mysql8.0")]
    [MaxLength(64)]
    [RegularExpression("^[a-z0-9.-]+$")]
    [JsonPropertyName("family")]
    public string Family { get; set; } = "mysql8.0";

    [Description("Parameters to set, name to value, e.g. time_zone: Asia/Seoul. Parameters not listed keep the family default.")]
    [MaxLength(100)]
    [Items(MaxLength = 4096)]
    [JsonPropertyName("overrides")]
    public Dictionary<string, string>? Overrides { get; set; }

    [Description("When static parameter changes (pending-reboot) take effect: Immediate (reboot as soon as the instance is available), MaintenanceWindow (at the next maintenance window) or Manual (never reboot; status shows pending-reboot). Default: MaintenanceWindow.")]
    [Default("MaintenanceWindow")]
    [JsonPropertyName("rebootPolicy")]
    public RebootPolicy RebootPolicy { get; set; } = RebootPolicy.MaintenanceWindow;
}
