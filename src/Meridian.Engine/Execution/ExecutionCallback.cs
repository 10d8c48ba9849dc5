// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using System.Text;

namespace Meridian.Engine.Execution;

/// <summary>
/// Where a batch job reports its start and end (Url, to which "started" or "ended?exit=N" is appended, by
/// POST) and the file holding the secret it sends as the request body. The secret is 256 random bits
/// written for this job only, readable by the server's user only: nobody else can forge the job's reports.
/// </summary>
public sealed record ExecutionCallback(string Url, string SecretPath)
{
    /// <summary>The secret's file, in the job's folder (beside work/, which the program can list).</summary>
    public const string SecretFileName = "callback.secret";

    /// <summary>The path under the server's callback URL: /executions/{jobId}/started and /ended.</summary>
    public const string RoutePrefix = "/executions";

    /// <summary>Writes a fresh secret for the job (mode 0600) and returns where the job calls back.</summary>
    public static ExecutionCallback Create(string callbackBaseUrl, JobWorkspace workspace, string jobId)
    {
        var path = Path.Combine(workspace.Root, SecretFileName);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(secret));
        }

        return new ExecutionCallback($"{callbackBaseUrl.TrimEnd('/')}{RoutePrefix}/{jobId}/", path);
    }

    /// <summary>Whether the presented secret is the job's, compared in constant time; false when the job has none.</summary>
    public static bool Verify(JobWorkspace workspace, ReadOnlySpan<byte> presented)
    {
        byte[] expected;
        try
        {
            expected = File.ReadAllBytes(Path.Combine(workspace.Root, SecretFileName));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var trimmed = presented.TrimEnd("\r\n"u8);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, trimmed);
    }
}
