// SPDX-License-Identifier: MIT
namespace Meridian.Testing;

/// <summary>The server with the example services shipped in services/, as `dotnet run` starts it.</summary>
public sealed class ExampleServicesApplication : IDisposable
{
    public ExampleServicesApplication() => Application = new MeridianApplication(null, Path.Combine(RepositoryRoot(), "services"));

    public MeridianApplication Application { get; }

    public void Dispose() => Application.Dispose();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Meridian.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Meridian.slnx) was not found above the test binaries");
    }
}
