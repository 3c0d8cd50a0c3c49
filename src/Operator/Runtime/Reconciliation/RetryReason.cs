namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>Why a reconcile is retried: a CamelCase condition reason and what failed. Neither may hold a secret or request parameters.</summary>
/// <param name="Reason">E.g. <c>AwsThrottled</c>.</param>
/// <param name="Message">E.g. <c>elasticbeanstalk DescribeEnvironments: Throttling (HTTP 400)</c>.</param>
public sealed record RetryReason(string Reason, string Message);
