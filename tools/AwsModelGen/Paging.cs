namespace Ebops.Tools.AwsModelGen;

/// <summary>How an operation pages: the request's token, the response's next token and the member holding the items.</summary>
internal sealed record Paging(string InputToken, string OutputToken, string ResultKey);
