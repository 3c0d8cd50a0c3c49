using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>How one reconcile ended: a result, a terminal error (the object is Stalled), or a transient error.</summary>
internal sealed record NlbOutcome(ReconcileResult? Result, TerminalException? Terminal, Exception? Error);
