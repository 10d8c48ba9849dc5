// SPDX-License-Identifier: MIT
using System.Net;
using System.Text;

namespace Meridian.Server.Tests;

/// <summary>
/// A multipart upload whose body stops after its first bytes until the test releases it: the server has
/// looked the job up and is reading the file while the test changes the job under it.
/// </summary>
internal sealed class HeldBackUpload(string field, string fileName, byte[] content) : HttpContent
{
    private const string Boundary = "held-back-boundary";
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\n\r\n"));
        await stream.WriteAsync(content.AsMemory(0, 1));
        await stream.FlushAsync();
        _started.TrySetResult();
        await _release.Task;
        await stream.WriteAsync(content.AsMemory(1));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    public static HeldBackUpload Create(string field, string fileName, byte[] content)
    {
        var upload = new HeldBackUpload(field, fileName, content);
        upload.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return upload;
    }
}
