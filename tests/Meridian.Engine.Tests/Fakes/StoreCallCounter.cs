// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Reflection;
using Meridian.Engine.Storage;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>A view of a job store that counts the calls made through it, by method: what the engine asks of its store.</summary>
public class StoreCallCounter : DispatchProxy
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IJobStore _inner = null!;

    public static (IJobStore Store, StoreCallCounter Counter) Wrap(IJobStore inner)
    {
        var store = Create<IJobStore, StoreCallCounter>();
        var counter = (StoreCallCounter)(object)store;
        counter._inner = inner;
        return (store, counter);
    }

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.AddOrUpdate(targetMethod.Name, 1, static (_, count) => count + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
