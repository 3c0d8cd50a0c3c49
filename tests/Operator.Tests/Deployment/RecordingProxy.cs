using System.Reflection;

namespace Ebops.Operator.Tests.Deployment;

/// <summary>
/// An implementation of any AWS SDK client interface that records which methods were called and answers each with an
/// empty response. Not sealed: DispatchProxy derives from it at run time.
/// </summary>
internal class RecordingProxy : DispatchProxy
{
    public List<string> Calls { get; } = [];

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls.Add(targetMethod!.Name);
        var type = targetMethod.ReturnType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = Activator.CreateInstance(type.GetGenericArguments()[0]);
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [result]);
        }

        return type == typeof(Task) ? Task.CompletedTask : null;
    }
}
