using System.Net;
using k8s.Autorest;

namespace Ebops.Operator.Runtime.Api;

/// <summary>The API status codes the runtime acts on.</summary>
public static class ApiErrors
{
    /// <summary>409: a resourceVersion precondition failed (someone wrote first) or the name is taken.</summary>
    public static bool IsConflict(Exception e) => Status(e) == HttpStatusCode.Conflict;

    public static bool IsNotFound(Exception e) => Status(e) == HttpStatusCode.NotFound;

    private static HttpStatusCode? Status(Exception e) => (e as HttpOperationException)?.Response?.StatusCode;
}
