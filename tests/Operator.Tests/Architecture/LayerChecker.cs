using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Ebops.Operator.Tests.Architecture;

/// <summary>
/// Reads an assembly's IL (signatures, attributes and method bodies, so fully qualified names and
/// <c>typeof</c> count as much as a using directive) and reports every reference from one layer to another that
/// the table does not allow, and every namespace of the owned root (and Program) that no layer claims.
/// </summary>
internal static class LayerChecker
{
    public static IReadOnlyList<string> Violations(string assemblyPath, IReadOnlyList<Layer> layers, string owned)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from.Length == 0 && Outer(type).Name == "Program")
            {
                // Top-level statements compile to Program in the global namespace: it belongs to the assembly's root.
                from = owned;
            }

            if (!IsOwned(from, owned))
            {
                continue;
            }

            var fromLayer = Owner(layers, from);
            if (fromLayer is null)
            {
                found.Add($"namespace '{from}' ({type.FullName}) is in no layer: declare it in the layer table");
                continue;
            }

            foreach (var referenced in References(type).SelectMany(Flatten).Where(r => r.GetElementType() is not GenericParameter))
            {
                var to = NamespaceOf(referenced);
                if (Owner(layers, to) is { } toLayer && toLayer != fromLayer && !fromLayer.Uses.Contains(toLayer.Name))
                {
                    found.Add($"{fromLayer.Name} -> {toLayer.Name}: {Outer(type).FullName} uses {referenced.GetElementType().FullName}");
                }
            }
        }

        return [.. found];
    }

    private static bool IsOwned(string ns, string owned) => ns == owned || ns.StartsWith(owned + ".", StringComparison.Ordinal);

    private static Layer? Owner(IReadOnlyList<Layer> layers, string ns) =>
        layers.Select(l => (Layer: l, Score: l.Claims(ns))).Where(c => c.Score >= 0).OrderByDescending(c => c.Score).Select(c => c.Layer).FirstOrDefault();

    private static TypeReference Outer(TypeReference type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string NamespaceOf(TypeReference type) => Outer(type.GetElementType()).Namespace;

    /// <summary>A type with its generic arguments and element types, each a reference of its own.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference type)
    {
        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Flatten))
            {
                yield return argument;
            }
        }

        if (type is TypeSpecification { ElementType: { } element })
        {
            foreach (var inner in Flatten(element))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
            .Concat(Attributes(type))
            .Concat(type.GenericParameters.SelectMany(p => p.Constraints.Select(c => c.ConstraintType)))
            .Concat(type.Fields.Select(f => f.FieldType))
            .Concat(type.Properties.Select(p => p.PropertyType))
            .Concat(type.Events.Select(e => e.EventType))
            .Concat(type.Methods.SelectMany(Method)))
        {
            yield return reference;
        }
    }

    private static IEnumerable<TypeReference> Method(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var reference in method.Parameters.Select(p => p.ParameterType)
            .Concat(Attributes(method))
            .Concat(method.GenericParameters.SelectMany(p => p.Constraints.Select(c => c.ConstraintType))))
        {
            yield return reference;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var handler in method.Body.ExceptionHandlers.Where(h => h.CatchType is not null))
        {
            yield return handler.CatchType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            foreach (var reference in Operand(instruction))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                yield return type;
                break;
            case MethodReference method:
                yield return method.DeclaringType;
                yield return method.ReturnType;
                if (method is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        yield return argument;
                    }
                }

                break;
            case FieldReference field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.Select(a => a.AttributeType)
            .Concat(provider.CustomAttributes.SelectMany(a => a.ConstructorArguments).Select(a => a.Value).OfType<TypeReference>());
}
