namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>The outcome of checking one request's signature.</summary>
internal sealed record SigV4Result(bool Valid, string Reason, string? AccessKey = null, string? Region = null, string? Service = null, IReadOnlyList<string>? SignedHeaders = null);
