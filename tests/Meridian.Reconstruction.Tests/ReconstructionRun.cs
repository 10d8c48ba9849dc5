// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;
using Meridian.Formats.OiFits;

namespace Meridian.Reconstruction.Tests;

/// <summary>Runs the reconstruction in a temporary folder as the program would, and reads what it wrote.</summary>
public sealed class ReconstructionRun : IDisposable
{
    public ReconstructionRun()
    {
        Folder = Directory.CreateTempSubdirectory("meridian-reconstruct-").FullName;
    }

    public string Folder { get; }

    public string Output => Path.Combine(Folder, "output.fits");

    public string Log { get; private set; } = "";

    public string InputOf(FitsFile input)
    {
        var path = Path.Combine(Folder, "input.fits");
        input.Write(path);
        return path;
    }

    /// <summary>Runs with these arguments (input and output added at the end); returns the exit code as Program gives it.</summary>
    public int Run(string input, params string[] options)
    {
        string[] args = [.. options, "--progress", Path.Combine(Folder, "progress"), "--history", Path.Combine(Folder, "chi2.csv"),
            "--preview", Path.Combine(Folder, "preview.png"), input, Output];
        var console = new StringWriter();
        using (var records = new RunRecords(console, null, Path.Combine(Folder, "progress"), Path.Combine(Folder, "chi2.csv")))
        {
            try
            {
                ReconstructionJob.Run(CommandLine.Parse(args), records);
                Log = console.ToString();
                return 0;
            }
            catch (InputException e)
            {
                Log = console + e.Message;
                return 1;
            }
        }
    }

    public (FitsImage Image, ImageOiOutputParam Output) Result()
    {
        var file = FitsFile.Read(Output);
        var output = ImageOiOutputParam.Read(file) ?? throw new InvalidOperationException("no OUTPUT PARAM");
        return (file.Find<FitsImage>(output.LastImg)!, output);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
