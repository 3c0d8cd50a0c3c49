using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The <c>ebops.io/signal</c> / <c>ebops.io/signal-by</c> annotations of a release: a request (promote, abort, retry,
/// rollback) that the controller takes off the object before it applies it, so each request is applied at most once
/// and nothing that Git holds drifts (the annotations were never in Git). Its id is the resourceVersion it was read at.
/// </summary>
internal sealed record SignalAnnotation(string Value, string? By, SignalRequest? Request)
{
    /// <summary>The annotation on <paramref name="release"/>, or null when there is none.</summary>
    public static SignalAnnotation? Of(Entities.BlueGreenRelease release)
    {
        var annotations = release.Metadata.Annotations;
        if (annotations is null || !annotations.TryGetValue(EbopsAnnotations.Signal, out var value))
        {
            return null;
        }

        var by = annotations.TryGetValue(EbopsAnnotations.SignalBy, out var sender) && sender.Length > 0 ? sender : null;
        var request = ReleaseSignals.TryParse(value, out var signal) ? new SignalRequest(signal, release.Metadata.ResourceVersion ?? "", by) : null;
        return new SignalAnnotation(value, by, request);
    }
}
