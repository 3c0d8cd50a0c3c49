using Ebops.Operator.Entities;
using Ebops.Operator.Resources;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>One reconcile of one BeanstalkApp: the object, its annotation policy, its ownership tags and the time.</summary>
internal sealed record AppContext(Entities.BeanstalkApp App, ObjectPolicy Policy, ResourceOwner Owner, DateTimeOffset Now)
{
    public BeanstalkAppSpec Spec => App.Spec;

    public BeanstalkAppStatus Status => App.Status ??= new BeanstalkAppStatus();

    public string Namespace => App.Metadata.NamespaceProperty ?? "";

    public string Name => App.Metadata.Name;

    public string Uid => App.Metadata.Uid ?? Namespace + "/" + Name;

    public string ApplicationName => App.Spec.ApplicationName;

    public long Generation => App.Metadata.Generation ?? 0;
}
