using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>S3's errors with the codes, HTTP statuses and messages of the S3 API reference.</summary>
internal static class S3Errors
{
    /// <summary>Minimum size of every part of a multipart upload but the last (5 MiB).</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>Highest part number of a multipart upload.</summary>
    public const int MaxPartNumber = 10_000;

    /// <summary>How S3 reports a malformed query parameter.</summary>
    public static SimParamErrors Parameters { get; } = new(
        (name, _) => InvalidArgument($"Missing required parameter {name}"),
        (name, _, value, kind) => InvalidArgument($"Provided {name} not {(kind == "integer" ? "an integer or within integer range" : "a " + kind)}: {value}"));

    public static AwsSimException NoSuchBucket() => new("NoSuchBucket", "The specified bucket does not exist", 404);

    public static AwsSimException NoSuchKey() => new("NoSuchKey", "The specified key does not exist.", 404);

    public static AwsSimException NoSuchUpload() =>
        new("NoSuchUpload", "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.", 404);

    public static AwsSimException InvalidArgument(string message) => new("InvalidArgument", message);

    public static AwsSimException InvalidPartNumber() =>
        InvalidArgument($"Part number must be an integer between 1 and {MaxPartNumber}, inclusive");

    public static AwsSimException EntityTooSmall() =>
        new("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");

    public static AwsSimException InvalidPart() =>
        new("InvalidPart", "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");

    public static AwsSimException InvalidPartOrder() =>
        new("InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.");

    public static AwsSimException MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
}
