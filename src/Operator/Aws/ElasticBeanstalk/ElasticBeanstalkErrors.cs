using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.ElasticBeanstalk;

/// <summary>
/// Elastic Beanstalk error codes and their meaning. EB reports most "not found" and "already exists" cases as
/// <c>InvalidParameterValue</c> and tells them apart only by message, e.g. <c>No Application named 'x' found.</c>,
/// <c>No Environment found for EnvironmentName = 'x'.</c>, <c>Application x already exists.</c>,
/// <c>Environment 'x' already exists.</c>, <c>Environment named x is in an invalid state for this operation. Must be
/// Ready.</c> Describe calls for missing names return empty lists instead of errors.
/// </summary>
public sealed class ElasticBeanstalkErrors : IAwsErrorClassifier
{
    public static readonly ElasticBeanstalkErrors Instance = new();

    public const string InvalidParameterValue = AwsErrors.InvalidParameterValue;
    public const string ResourceNotFoundException = "ResourceNotFoundException";
    public const string ResourceTypeNotSupportedException = "ResourceTypeNotSupportedException";
    public const string TooManyApplicationsException = "TooManyApplicationsException";
    public const string TooManyApplicationVersionsException = "TooManyApplicationVersionsException";
    public const string TooManyEnvironmentsException = "TooManyEnvironmentsException";
    public const string TooManyConfigurationTemplatesException = "TooManyConfigurationTemplatesException";
    public const string TooManyBucketsException = "TooManyBucketsException";
    public const string TooManyTagsException = "TooManyTagsException";
    public const string InsufficientPrivilegesException = "InsufficientPrivilegesException";
    public const string OperationInProgressFailure = "OperationInProgressFailure";
    public const string SourceBundleDeletionFailure = "SourceBundleDeletionFailure";
    public const string S3LocationNotInServiceRegionException = "S3LocationNotInServiceRegionException";
    public const string CodeBuildNotInServiceRegionException = "CodeBuildNotInServiceRegionException";

    /// <summary>An option setting EB does not accept (unknown option, or a value out of range); the message names the
    /// option: <c>Invalid option specification (Namespace: 'ns', OptionName: 'name'): ...</c>.</summary>
    public const string ConfigurationValidationException = "ConfigurationValidationException";

    // Message fragments EB uses inside InvalidParameterValue.
    public const string NoApplicationNamed = "No Application named";
    public const string NoApplicationVersionNamed = "No Application Version named";
    public const string NoEnvironmentFound = "No Environment found";
    public const string NoConfigurationTemplateNamed = "No Configuration Template named";
    public const string AlreadyExists = "already exists";
    public const string InvalidStateForOperation = "invalid state for this operation";

    public AwsErrorKind Classify(string code, string message, int statusCode)
    {
        switch (code)
        {
            case InvalidParameterValue when Contains(message, NoApplicationNamed) || Contains(message, NoApplicationVersionNamed)
                                            || Contains(message, NoEnvironmentFound) || Contains(message, NoConfigurationTemplateNamed):
            case ResourceNotFoundException:
                return AwsErrorKind.NotFound;
            case InvalidParameterValue when Contains(message, AlreadyExists):
                return AwsErrorKind.AlreadyExists;
            case InvalidParameterValue when Contains(message, InvalidStateForOperation):
            case OperationInProgressFailure:
                return AwsErrorKind.Conflict;
            case TooManyApplicationsException or TooManyApplicationVersionsException or TooManyEnvironmentsException
                or TooManyConfigurationTemplatesException or TooManyBucketsException or TooManyTagsException
                or ResourceTypeNotSupportedException or S3LocationNotInServiceRegionException
                or CodeBuildNotInServiceRegionException or ConfigurationValidationException:
                return AwsErrorKind.InvalidParameter;
            case InsufficientPrivilegesException:
                return AwsErrorKind.AccessDenied;
            default:
                return AwsErrors.ClassifyCommon(code, statusCode);
        }
    }

    private static bool Contains(string message, string fragment) => message.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
