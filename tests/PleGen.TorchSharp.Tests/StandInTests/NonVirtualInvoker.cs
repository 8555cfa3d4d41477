using System;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using TorchSharp;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// Runs one stand-in method or constructor body with default arguments and reports what it threw. The call is
/// emitted as a non-virtual IL call on an uninitialised instance, so exactly the given body runs: not an override,
/// and also bodies of abstract classes and of non-public members. Generic definitions are closed with arguments
/// that meet their constraints.
/// </summary>
internal static class NonVirtualInvoker
{
    /// <summary>The exception the body threw, or null when it returned.</summary>
    public static Exception? Run(MethodBase member)
    {
        MethodBase target = Close(member);
        var call = new DynamicMethod("run_" + target.Name, typeof(void), [typeof(object)], typeof(NonVirtualInvoker).Module, skipVisibility: true);
        ILGenerator il = call.GetILGenerator();
        if (!target.IsStatic)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Castclass, target.DeclaringType!);
        }
        foreach (ParameterInfo parameter in target.GetParameters())
        {
            EmitDefault(il, parameter.ParameterType);
        }
        if (target is ConstructorInfo constructor)
        {
            il.Emit(OpCodes.Call, constructor);
        }
        else
        {
            var method = (MethodInfo)target;
            il.Emit(OpCodes.Call, method);
            if (method.ReturnType != typeof(void))
            {
                il.Emit(OpCodes.Pop);
            }
        }
        il.Emit(OpCodes.Ret);

        object? instance = target.IsStatic ? null : RuntimeHelpers.GetUninitializedObject(ConcreteType(target.DeclaringType!));
        try
        {
            call.Invoke(null, [instance]);
            return null;
        }
        catch (TargetInvocationException invocation)
        {
            return invocation.InnerException;
        }
    }

    private static MethodBase Close(MethodBase member)
    {
        MethodBase target = member;
        if (member.DeclaringType!.IsGenericTypeDefinition)
        {
            target = MethodBase.GetMethodFromHandle(member.MethodHandle, CloseType(member.DeclaringType).TypeHandle)!;
        }
        if (target is MethodInfo { IsGenericMethodDefinition: true } generic)
        {
            target = generic.MakeGenericMethod(generic.GetGenericArguments().Select(ArgumentFor).ToArray());
        }
        return target;
    }

    // A generic stand-in type is closed the way a concrete stand-in type derives from it (Module<T, TResult> as
    // Linear does), else with arguments meeting its constraints.
    private static Type CloseType(Type definition)
    {
        foreach (Type type in StandInApi.Types)
        {
            for (Type? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == definition)
                {
                    return baseType;
                }
            }
        }
        return definition.MakeGenericType(definition.GetGenericArguments().Select(ArgumentFor).ToArray());
    }

    private static Type ArgumentFor(Type parameter)
    {
        if (parameter.GenericParameterAttributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            return typeof(float);
        }
        Type[] constraints = parameter.GetGenericParameterConstraints();
        return constraints.FirstOrDefault(constraint => !constraint.IsInterface)
            ?? (constraints.Length > 0 ? typeof(torch.Tensor) : typeof(object));
    }

    // An abstract declaring type is instantiated as a concrete stand-in type deriving from it.
    private static Type ConcreteType(Type declaringType) =>
        !declaringType.IsAbstract
            ? declaringType
            : StandInApi.Types.First(type => !type.IsAbstract && !type.ContainsGenericParameters && declaringType.IsAssignableFrom(type));

    private static void EmitDefault(ILGenerator il, Type type)
    {
        if (type.IsValueType)
        {
            LocalBuilder value = il.DeclareLocal(type);
            il.Emit(OpCodes.Ldloca, value);
            il.Emit(OpCodes.Initobj, type);
            il.Emit(OpCodes.Ldloc, value);
        }
        else
        {
            il.Emit(OpCodes.Ldnull);
        }
    }
}
