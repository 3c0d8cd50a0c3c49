namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// Something a reconcile waits for. A blocking wait keeps Ready=False (Reconciling=True with the reason); a
/// non-blocking one leaves a usable database Ready and says what is missing in Synced=False (an app's security group
/// that does not exist yet, a reboot left to the maintenance window or to the user).
/// </summary>
public sealed record RdsWait(string Reason, string Message, TimeSpan Requeue, bool Blocking = true);
