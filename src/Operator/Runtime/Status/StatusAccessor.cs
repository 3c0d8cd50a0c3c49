using System.Collections.Concurrent;
using System.Reflection;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Status;

/// <summary>Creates an entity's status object when it is still null, for any kind (the status type is read once per type).</summary>
internal static class StatusAccessor
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo> StatusProperties = new();

    public static ResourceStatus Ensure(ICustomResource entity)
    {
        if (entity.StatusBase is { } existing)
        {
            return existing;
        }

        var property = StatusProperties.GetOrAdd(entity.GetType(), static type =>
            type.GetProperty("Status", BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } p && typeof(ResourceStatus).IsAssignableFrom(p.PropertyType)
                ? p
                : throw new InvalidOperationException($"{type.Name} has no writable Status property deriving from ResourceStatus."));
        var status = (ResourceStatus)Activator.CreateInstance(property.PropertyType)!;
        property.SetValue(entity, status);
        return status;
    }
}
