using Ebops.Sandbox.Aws.Core;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// One finding about an option setting, as ValidateConfigurationSettings returns it (Severity <c>error</c> or
/// <c>warning</c>), with the error code EB answers with when a create or update carries the setting.
/// </summary>
internal sealed record EbValidationMessage(string Severity, string Namespace, string OptionName, string Message, string Code)
{
    public const string Error = "error";
    public const string Warning = "warning";

    public bool IsError => Severity == Error;

    /// <summary>The error EB answers a create or update with (ConfigurationValidationException carries EB's prefix).</summary>
    public AwsSimException ToException() =>
        new(Code, Code == E.ConfigurationValidation ? "Configuration validation exception: " + Message : Message);
}
