namespace Ebops.Operator.Aws.Core;

/// <summary>A service's own error table: maps (code, message, status) to what it means.</summary>
public interface IAwsErrorClassifier
{
    AwsErrorKind Classify(string code, string message, int statusCode);
}
