// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Reconstruction;

/// <summary>
/// What a run leaves besides its result: its log (standard output, and a file when asked), the `progress` file
/// (one line "fraction message" an iteration, the convention of Meridian's jobs) and the χ² history as CSV.
/// </summary>
internal sealed class RunRecords : IDisposable
{
    private readonly TextWriter _console;
    private readonly StreamWriter? _log;
    private readonly StreamWriter? _progress;
    private readonly StreamWriter? _history;

    public RunRecords(TextWriter console, string? logFile, string? progressFile, string? historyFile)
    {
        _console = console;
        _log = logFile is null ? null : new StreamWriter(logFile, append: false) { AutoFlush = true };
        _progress = progressFile is null ? null : new StreamWriter(progressFile, append: true) { AutoFlush = true };
        _history = historyFile is null ? null : new StreamWriter(historyFile, append: false) { AutoFlush = true };
        _history?.WriteLine("iteration,chi2,reduced_chi2,regularisation,objective,evaluations");
    }

    public void Log(string line)
    {
        _console.WriteLine(line);
        _log?.WriteLine(line);
    }

    public void Record(Iteration iteration, int maxIter, int dataCount)
    {
        var reduced = dataCount > 0 ? iteration.Value.ChiSquare / dataCount : 0;
        _history?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{iteration.Number},{iteration.Value.ChiSquare:R},{reduced:R},{iteration.Value.Regularisation:R},{iteration.Value.Total:R},{iteration.Evaluations}"));
        var fraction = maxIter > 0 ? Math.Min(1, (double)iteration.Number / maxIter) : 1;
        _progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fraction:0.####} iteration {iteration.Number}/{maxIter}, reduced chi2 {reduced:0.###}"));
        if (iteration.Number % 10 == 0)
        {
            Log(string.Create(CultureInfo.InvariantCulture,
                $"iteration {iteration.Number,4}: reduced chi2 {reduced,10:0.####}  regularisation {iteration.Value.Regularisation,10:0.####}  f {iteration.Value.Total:0.###}"));
        }
    }

    public void Progress(double fraction, string message) =>
        _progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fraction:0.####} {message}"));

    public void Dispose()
    {
        _log?.Dispose();
        _progress?.Dispose();
        _history?.Dispose();
    }
}
