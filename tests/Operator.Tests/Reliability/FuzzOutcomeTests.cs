using System.Text.Json.Nodes;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>The fuzz's judge: which ends are acceptable, and which exceptions in a log are crashes.</summary>
public sealed class FuzzOutcomeTests
{
    private static JsonNode With(params (string Type, string Status, string Reason, string Message)[] conditions) => new JsonObject
    {
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray([.. conditions.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = c.Type, ["status"] = c.Status, ["reason"] = c.Reason, ["message"] = c.Message,
            })]),
        },
    };

    [Fact]
    public void Ready_reconciling_with_a_reason_stalled_naming_a_field_and_held_are_acceptable()
    {
        Assert.Null(FuzzOutcome.Judge(With(("Ready", "True", "Reconciled", ""))));
        Assert.Null(FuzzOutcome.Judge(With(("Ready", "False", "X", ""), ("Reconciling", "True", "WaitingForDatabase", "waiting"))));
        Assert.Null(FuzzOutcome.Judge(With(("Stalled", "True", "InvalidSpec", "spec.capacity.min: must be at most max"))));
        Assert.Null(FuzzOutcome.Judge(With(("Synced", "False", "Paused", "paused"))));
        var aborted = With(("Ready", "False", "ProgressDeadlineExceeded", "aborted"));
        aborted["status"]!["phase"] = "Aborted";
        Assert.Null(FuzzOutcome.Judge(aborted));
    }

    [Fact]
    public void Stalled_without_a_field_no_status_or_reconciling_without_a_reason_are_not()
    {
        Assert.Contains("without naming a field", FuzzOutcome.Judge(With(("Stalled", "True", "AwsError", "InvalidParameterValue"))), StringComparison.Ordinal);
        Assert.NotNull(FuzzOutcome.Judge(new JsonObject()));
        Assert.NotNull(FuzzOutcome.Judge(With(("Ready", "False", "", ""), ("Reconciling", "True", "", ""))));
    }

    [Fact]
    public void Only_exceptions_other_than_refused_or_cancelled_calls_count_as_crashes()
    {
        string[] lines =
        [
            "Warning Runtime reconcile failed | k=v | Ebops.Operator.Aws.Core.AwsApiException: Throttling",
            "Warning Runtime reconcile failed | k=v | System.NullReferenceException: Object reference not set",
            "Information Runtime reconciled | k=v | ",
            "Error Runtime loop | k=v | System.InvalidOperationException: Sequence contains no elements",
        ];

        Assert.Equal(["System.NullReferenceException", "System.InvalidOperationException"], FuzzOutcome.UnexpectedExceptions(lines));
    }
}
