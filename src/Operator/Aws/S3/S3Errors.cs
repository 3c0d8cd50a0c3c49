using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.S3;

/// <summary>S3 error codes. A HEAD has no body, so a missing key arrives as status 404 with code <c>NotFound</c>.</summary>
public sealed class S3Errors : IAwsErrorClassifier
{
    public static readonly S3Errors Instance = new();

    public const string NoSuchKey = "NoSuchKey";
    public const string NoSuchBucket = "NoSuchBucket";
    public const string NotFound = "NotFound";
    public const string Forbidden = "Forbidden";

    public AwsErrorKind Classify(string code, string message, int statusCode) => code switch
    {
        NoSuchKey or NoSuchBucket or NotFound => AwsErrorKind.NotFound,
        Forbidden => AwsErrorKind.AccessDenied,
        _ when statusCode == 404 => AwsErrorKind.NotFound,
        _ => AwsErrors.ClassifyCommon(code, statusCode),
    };
}
