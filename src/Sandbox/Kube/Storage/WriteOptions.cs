using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>Query options of a write: <c>dryRun=All</c>, <c>fieldValidation</c> (Strict, Warn (default), Ignore), <c>force</c>, <c>fieldManager</c>.</summary>
internal sealed record WriteOptions(bool DryRun, string FieldValidation, bool Force, string? FieldManager)
{
    public static WriteOptions From(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        var validation = query["fieldValidation"].ToString();
        if (validation.Length == 0)
        {
            validation = "Warn";
        }
        else if (validation is not ("Strict" or "Warn" or "Ignore"))
        {
            throw KubeApiException.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got {validation}");
        }
        return new WriteOptions(
            query["dryRun"].ToString() == "All",
            validation,
            query["force"].ToString() == "true",
            query["fieldManager"].ToString() is { Length: > 0 } m ? m : null);
    }
}
