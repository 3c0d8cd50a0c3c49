using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>The per-kind options of <typeparamref name="T"/>: from the host's options, adjusted by AddController's configure.</summary>
internal sealed class ControllerRegistration<T>(Func<ControllerOptions, ControllerOptions>? configure)
    where T : class, ICustomResource
{
    public ControllerOptions Resolve(OperatorOptions settings)
    {
        var options = Defaults(settings);
        return configure?.Invoke(options) ?? options;
    }

    /// <summary>What a kind gets from the host's options alone (also used for kinds that are only cached).</summary>
    public static ControllerOptions Defaults(OperatorOptions settings) => new()
    {
        Namespace = string.IsNullOrWhiteSpace(settings.Namespace) ? null : settings.Namespace,
        LabelSelector = string.IsNullOrWhiteSpace(settings.LabelSelector) ? null : settings.LabelSelector,
        Workers = settings.MaxConcurrentReconciles,
        Queue = new WorkQueueOptions { ResyncPeriod = settings.ResyncPeriod > TimeSpan.Zero ? settings.ResyncPeriod : null },
    };
}
