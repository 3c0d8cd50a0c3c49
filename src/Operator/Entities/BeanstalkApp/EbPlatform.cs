using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The Elastic Beanstalk platform. Set exactly one of solutionStackName and platformArn.")]
[CelRule("has(self.solutionStackName) != has(self.platformArn)", Message = "spec.platform: exactly one of spec.platform.solutionStackName and spec.platform.platformArn must be set", FieldPath = ".solutionStackName")]
public sealed class EbPlatform
{
    [Description("Solution stack name, e.g. '64bit Amazon Linux 2023 v4.3.0 running Corretto 17'.")]
    [MinLength(1)]
    [MaxLength(200)]
    [JsonPropertyName("solutionStackName")]
    public string? SolutionStackName { get; set; }

    [Description("Platform ARN, e.g. arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0.")]
    [MaxLength(2048)]
    [RegularExpression("^arn:aws[a-z-]*:elasticbeanstalk:[a-z0-9-]+:[0-9]*:platform/.+$")]
    [JsonPropertyName("platformArn")]
    public string? PlatformArn { get; set; }
}
