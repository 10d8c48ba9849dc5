// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Meridian.Engine.Execution;

/// <summary>
/// Runs jobs as process trees on this machine. The argv goes to the kernel as is (no shell); stdout and
/// stderr are streamed to the job's files; cancelling kills the whole tree.
/// </summary>
/// <remarks>
/// The handle is the job's id, which every process of the job carries in its environment (<see cref="JobProcesses"/>):
/// after a restart the tree is found from the id alone, so the store need not keep a handle for a local job. A handle
/// "pid:starttime", which servers before this one stored, still names the process with that pid and start time.
/// </remarks>
public sealed class LocalProcessExecutor : IJobExecutor
{
    public const string ExecutorName = "local";
    private readonly ConcurrentDictionary<string, LocalExecution> _executions = new(StringComparer.Ordinal);

    public string Name => ExecutorName;

    public bool HandleIsJobId => true;

    public Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            FileName = request.Arguments[0],
            WorkingDirectory = request.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in request.Arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        // The server's own settings (connection strings with passwords, keys) are not the job's business.
        foreach (var name in info.Environment.Keys.Where(ServerSettings.IsServerSetting).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in request.Environment)
        {
            info.Environment[name] = value;
        }

        // Set last, so that no value from the request can unmark the job's processes.
        info.Environment[JobProcesses.Variable] = request.JobId;

        // Unbuffered (bufferSize 0): each chunk read from the pipe reaches the file at once, so that the job's logs can
        // be followed while it runs rather than 4 KB at a time.
        var stdout = new FileStream(request.StdoutPath, FileMode.Create, FileAccess.Write, FileShare.Read, 0, useAsync: true);
        var stderr = new FileStream(request.StderrPath, FileMode.Create, FileAccess.Write, FileShare.Read, 0, useAsync: true);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Win32Exception exception)
        {
            stdout.Dispose();
            stderr.Dispose();
            // The system's reason alone: Win32Exception's own message names the job's working directory, a server path.
            throw new ExecutionStartException($"could not start '{request.Arguments[0]}': {new Win32Exception(exception.NativeErrorCode).Message}", exception);
        }

        process.StandardInput.Close();
        _executions[request.JobId] = new LocalExecution(process, stdout, stderr);
        return Task.FromResult(request.JobId);
    }

    public async Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken)
    {
        if (!_executions.TryGetValue(handle, out var execution))
        {
            return new ExecutionStatus(ExecutionState.Lost, Message: "this server did not start that process");
        }

        var status = await execution.Completion.WaitAsync(cancellationToken);
        _executions.TryRemove(handle, out _);
        return status;
    }

    public Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken)
    {
        if (_executions.TryGetValue(handle, out var execution))
        {
            return Task.FromResult(execution.Completion.IsCompleted ? execution.Completion.Result : new ExecutionStatus(ExecutionState.Running));
        }

        bool outlived;
        if (LegacyHandle.TryParse(handle, out var legacy))
        {
            using var orphan = FindOrphan(legacy);
            outlived = orphan is not null;
        }
        else
        {
            outlived = JobProcesses.Find(handle).Count > 0;
        }

        return Task.FromResult(outlived
            ? new ExecutionStatus(ExecutionState.Lost, Message: "the process outlived the server that started it")
            : new ExecutionStatus(ExecutionState.Lost, Message: "no such process"));
    }

    public Task CancelAsync(string handle, CancellationToken cancellationToken)
    {
        if (_executions.TryGetValue(handle, out var execution))
        {
            execution.Kill();
        }
        else if (LegacyHandle.TryParse(handle, out var legacy))
        {
            // A process left behind by a server that died: kill it only if it is still the same process.
            using var orphan = FindOrphan(legacy);
            try
            {
                orphan?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }
        }
        else
        {
            // The processes a server that died left behind, its job's id in their environment.
            JobProcesses.Kill(handle);
        }

        return Task.CompletedTask;
    }

    private static Process? FindOrphan(LegacyHandle handle)
    {
        try
        {
            var process = Process.GetProcessById(handle.Pid);
            if (ProcessStartTime(handle.Pid) == handle.StartTime)
            {
                return process;
            }

            process.Dispose();
        }
        catch (ArgumentException)
        {
            // No such process.
        }

        return null;
    }

    private static string ProcessStartTime(int pid)
    {
        try
        {
            // Field 22 of /proc/pid/stat; the command name (field 2) may hold spaces, so count after its ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return "0";
        }
    }


    /// <summary>"pid:starttime", the handle of a local job stored by servers before the job's id was its handle.</summary>
    private readonly record struct LegacyHandle(int Pid, string StartTime)
    {
        public static bool TryParse(string handle, out LegacyHandle legacy)
        {
            legacy = default;
            var parts = handle.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return false;
            }

            legacy = new LegacyHandle(pid, parts[1]);
            return true;
        }
    }

    /// <summary>
    /// One running process: its output is copied to the job's files until both streams close. When a file
    /// cannot be written (a full disk), the process is stopped rather than left blocked on a pipe nobody
    /// reads, and its status says why.
    /// </summary>
    private sealed class LocalExecution
    {
        private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(5);
        private readonly Process _process;
        private volatile bool _killed;
        private volatile bool _abandoned;
        private volatile string? _outputFailure;

        public LocalExecution(Process process, FileStream stdout, FileStream stderr)
        {
            _process = process;
            Completion = RunAsync(stdout, stderr);
        }

        public Task<ExecutionStatus> Completion { get; }

        public void Kill()
        {
            _killed = true;
            KillTree();
        }

        private void KillTree()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

        private async Task<ExecutionStatus> RunAsync(FileStream stdout, FileStream stderr)
        {
            var copyOut = CopyAsync(_process.StandardOutput.BaseStream, stdout, "stdout");
            var copyErr = CopyAsync(_process.StandardError.BaseStream, stderr, "stderr");
            await _process.WaitForExitAsync();
            // A daemonised grandchild may keep the pipes open long after the job's process exits:
            // give the output a moment to drain, then stop waiting for it.
            var drained = Task.WhenAll(copyOut, copyErr);
            // Mostly the pipes have closed with the process: no timer is armed for them then.
            if (!drained.IsCompleted && await Task.WhenAny(drained, Task.Delay(OutputDrainTimeout)) != drained)
            {
                _abandoned = true;
                _process.StandardOutput.BaseStream.Dispose();
                _process.StandardError.BaseStream.Dispose();
                await drained.ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            var exitCode = _process.ExitCode;
            _process.Dispose();
            if (_outputFailure is { } failure)
            {
                return new ExecutionStatus(ExecutionState.Failed, exitCode) { OutputFailure = failure };
            }

            return _killed ? new ExecutionStatus(ExecutionState.Cancelled, exitCode)
                : exitCode == 0 ? new ExecutionStatus(ExecutionState.Succeeded, 0)
                : new ExecutionStatus(ExecutionState.Failed, exitCode);
        }

        private async Task CopyAsync(Stream pipe, FileStream file, string name)
        {
            try
            {
                await pipe.CopyToAsync(file);
                await file.FlushAsync();
            }
            catch (Exception exception) when (!_abandoned && exception is IOException)
            {
                _outputFailure ??= DiskFull.Is(exception) ? $"{DiskFull.Reason}, so the job's {name} could not be written"
                    : $"the job's {name} could not be written";
                KillTree();
            }
            catch (Exception) when (_abandoned)
            {
                // The pipe was closed on purpose after the drain timeout.
            }
            finally
            {
                try
                {
                    await file.DisposeAsync();
                }
                catch (IOException)
                {
                    // What could not be flushed is lost; the failure is recorded above.
                }
            }
        }
    }
}

/// <summary>The executor could not start the program at all (not found, not executable): a fatal job error.</summary>
public sealed class ExecutionStartException(string message, Exception inner) : Exception(message, inner);
