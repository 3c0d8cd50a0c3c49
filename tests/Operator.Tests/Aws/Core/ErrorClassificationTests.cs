using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;

namespace Ebops.Operator.Tests.Aws.Core;

public sealed class ErrorClassificationTests
{
    private static IAwsErrorClassifier For(string service) => service switch
    {
        "eb" => ElasticBeanstalkErrors.Instance,
        "elbv2" => Elbv2Errors.Instance,
        "rds" => RdsErrors.Instance,
        "ec2" => Ec2Errors.Instance,
        "s3" => S3Errors.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    [Theory]
    // Elastic Beanstalk tells not-found and already-exists apart only by message.
    [InlineData("eb", "InvalidParameterValue", "No Application named 'shop' found.", 400, AwsErrorKind.NotFound)]
    [InlineData("eb", "InvalidParameterValue", "No Environment found for EnvironmentName = 'shop-blue'.", 400, AwsErrorKind.NotFound)]
    [InlineData("eb", "InvalidParameterValue", "No Environment found for EnvironmentId = 'e-abc'.", 400, AwsErrorKind.NotFound)]
    [InlineData("eb", "InvalidParameterValue", "No Application Version named 'v1' found.", 400, AwsErrorKind.NotFound)]
    [InlineData("eb", "ResourceNotFoundException", "Resource not found", 400, AwsErrorKind.NotFound)]
    [InlineData("eb", "InvalidParameterValue", "Application shop already exists.", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("eb", "InvalidParameterValue", "Environment 'shop-blue' already exists.", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("eb", "InvalidParameterValue", "Environment named shop-blue is in an invalid state for this operation. Must be Ready.", 400, AwsErrorKind.Conflict)]
    [InlineData("eb", "InvalidParameterValue", "Invalid option value: 'x'", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("eb", "TooManyApplicationsException", "limit", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("eb", "InsufficientPrivilegesException", "no", 403, AwsErrorKind.AccessDenied)]
    [InlineData("eb", "Throttling", "Rate exceeded", 400, AwsErrorKind.Throttled)]
    [InlineData("elbv2", "LoadBalancerNotFound", "", 400, AwsErrorKind.NotFound)]
    [InlineData("elbv2", "TargetGroupNotFound", "", 400, AwsErrorKind.NotFound)]
    [InlineData("elbv2", "ListenerNotFound", "", 400, AwsErrorKind.NotFound)]
    [InlineData("elbv2", "DuplicateLoadBalancerName", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("elbv2", "DuplicateTargetGroupName", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("elbv2", "ResourceInUse", "", 400, AwsErrorKind.Conflict)]
    [InlineData("elbv2", "ValidationError", "", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("elbv2", "InvalidConfigurationRequest", "", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("rds", "DBInstanceNotFound", "", 404, AwsErrorKind.NotFound)]
    [InlineData("rds", "DBParameterGroupNotFound", "", 404, AwsErrorKind.NotFound)]
    [InlineData("rds", "DBSubnetGroupNotFoundFault", "", 404, AwsErrorKind.NotFound)]
    [InlineData("rds", "DBInstanceAlreadyExists", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("rds", "DBParameterGroupAlreadyExists", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("rds", "InvalidDBInstanceState", "", 400, AwsErrorKind.Conflict)]
    [InlineData("rds", "InvalidParameterCombination", "", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("rds", "StorageQuotaExceeded", "", 400, AwsErrorKind.InvalidParameter)]
    [InlineData("ec2", "InvalidGroup.NotFound", "", 400, AwsErrorKind.NotFound)]
    [InlineData("ec2", "InvalidAllocationID.NotFound", "", 400, AwsErrorKind.NotFound)]
    [InlineData("ec2", "InvalidGroup.Duplicate", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("ec2", "InvalidPermission.Duplicate", "", 400, AwsErrorKind.AlreadyExists)]
    [InlineData("ec2", "DependencyViolation", "", 400, AwsErrorKind.Conflict)]
    [InlineData("ec2", "RequestLimitExceeded", "", 503, AwsErrorKind.Throttled)]
    [InlineData("ec2", "UnauthorizedOperation", "", 403, AwsErrorKind.AccessDenied)]
    [InlineData("ec2", "InternalError", "", 500, AwsErrorKind.ServerError)]
    [InlineData("s3", "NotFound", "", 404, AwsErrorKind.NotFound)]
    [InlineData("s3", "NoSuchKey", "", 404, AwsErrorKind.NotFound)]
    [InlineData("s3", "SlowDown", "", 503, AwsErrorKind.Throttled)]
    [InlineData("rds", "ThrottlingException", "", 400, AwsErrorKind.Throttled)]
    [InlineData("rds", "TooManyRequestsException", "", 429, AwsErrorKind.Throttled)]
    [InlineData("rds", "RequestThrottled", "", 400, AwsErrorKind.Throttled)]
    [InlineData("rds", "SomethingNew", "", 502, AwsErrorKind.ServerError)]
    [InlineData("rds", "SomethingNew", "", 400, AwsErrorKind.Other)]
    [InlineData("rds", "SignatureDoesNotMatch", "", 403, AwsErrorKind.AccessDenied)]
    public void Codes_are_classified(string service, string code, string message, int status, AwsErrorKind expected) =>
        Assert.Equal(expected, For(service).Classify(code, message, status));

    [Theory]
    [InlineData("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance x not found.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", "DBInstanceNotFound", "DBInstance x not found.", "Sender", "r-1")]
    [InlineData("<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>gone</Message></Error></Errors><RequestID>r-2</RequestID></Response>", "InvalidGroup.NotFound", "gone", null, "r-2")]
    [InlineData("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>r-3</RequestId></Error>", "NoSuchKey", "The specified key does not exist.", null, "r-3")]
    public void Both_error_body_shapes_parse(string body, string code, string message, string? type, string requestId)
    {
        var parsed = AwsErrorBody.Parse(body);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(message, parsed.Message);
        Assert.Equal(type, parsed.Type);
        Assert.Equal(requestId, parsed.RequestId);
    }

    [Fact]
    public void Unparseable_bodies_give_no_code()
    {
        Assert.Null(AwsErrorBody.Parse("<html>502 Bad Gateway").Code);
        Assert.Null(AwsErrorBody.Parse("").Code);
    }
}
