// SPDX-License-Identifier: MIT
using System.Net;
using System.Text;

namespace Meridian.Server.Tests;

/// <summary>An upload that loses a race with the job's phase or its destruction changes nothing on disk.</summary>
public sealed class UploadRaceTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task RefusedUpload_LeavesTheInputFileOfAJobThatRanMeanwhile_Untouched()
    {
        var jobUrl = await CreateUploadJobAsync("one\n");
        var id = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        var inputs = Path.Combine(app.JobFolder(id), "inputs");
        var before = Directory.GetFiles(inputs).Select(Path.GetFileName).ToList();
        using var upload = HeldBackUpload.Create("data", "new.txt", Encoding.ASCII.GetBytes("one\ntwo\nthree\n"));

        var pending = app.Client.PostAsync(jobUrl + "/parameters", upload);
        await upload.Started;
        await Task.Delay(300);   // the server has looked the job up (PENDING) and is reading the file
        using (var run = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, run.StatusCode);
        }

        Assert.Equal("COMPLETED", UwsClient.Phase(await _uws.WaitForEndAsync(jobUrl)));
        upload.Release();
        using var refused = await pending;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("one\n", await _uws.GetTextAsync(jobUrl + "/parameters/data"));
        Assert.Equal("1", (await _uws.GetTextAsync(UwsClient.ResultLinks(await _uws.GetXmlAsync(jobUrl))["count"])).Trim());
        Assert.Equal(before, Directory.GetFiles(inputs).Select(Path.GetFileName).ToList());
    }

    [Fact]
    public async Task AcceptedUpload_ReplacesTheFile_AndLeavesNoOtherBehind()
    {
        var jobUrl = await CreateUploadJobAsync("one\n");
        var inputs = Path.Combine(app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]), "inputs");

        using (var form = new MultipartFormDataContent { { new ByteArrayContent("a\nb\n"u8.ToArray()), "data", "second.txt" } })
        using (var update = await app.Client.PostAsync(jobUrl + "/parameters", form))
        {
            Assert.Equal(HttpStatusCode.SeeOther, update.StatusCode);
        }

        Assert.Equal("a\nb\n", await _uws.GetTextAsync(jobUrl + "/parameters/data"));
        Assert.Single(Directory.GetFiles(inputs));
        using (var run = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN")))
        {
        }

        Assert.Equal("2", (await _uws.GetTextAsync(UwsClient.ResultLinks(await _uws.WaitForEndAsync(jobUrl))["count"])).Trim());
    }

    [Fact]
    public async Task UploadRacingADelete_NeverAnswers5xx_AndLeavesNoFolderBehind()
    {
        var statuses = new List<int>();
        for (var round = 0; round < 40; round++)
        {
            var jobUrl = await CreateUploadJobAsync("one\n");
            var folder = app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[20_000]), "data", "big.bin" } };

            var upload = app.Client.PostAsync(jobUrl + "/parameters", form);
            if (round % 2 == 0)
            {
                await Task.Delay(round % 5);
            }

            var delete = app.Client.DeleteAsync(jobUrl);
            using var uploaded = await upload;
            using var deleted = await delete;

            statuses.AddRange([(int)uploaded.StatusCode, (int)deleted.StatusCode]);
            Assert.True((int)uploaded.StatusCode < 500, $"round {round}: the upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
            Assert.True((int)deleted.StatusCode < 500, $"round {round}: the deletion answered {(int)deleted.StatusCode}: {await deleted.Content.ReadAsStringAsync()}");
            Assert.False(Directory.Exists(folder), $"round {round}: the folder of a destroyed job is still there (upload {(int)uploaded.StatusCode}, delete {(int)deleted.StatusCode})");
        }
    }

    [Fact]
    public async Task TwoDeletionsOfOneJob_NeverAnswer5xx()
    {
        for (var round = 0; round < 40; round++)
        {
            var jobUrl = await CreateUploadJobAsync("one\n");

            var answers = await Task.WhenAll(app.Client.DeleteAsync(jobUrl), app.Client.DeleteAsync(jobUrl), _uws.PostAsync(jobUrl, ("ACTION", "DELETE")));

            foreach (var answer in answers)
            {
                Assert.True(answer.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.NotFound,
                    $"round {round}: answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                answer.Dispose();
            }

            Assert.False(Directory.Exists(app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..])));
        }
    }

    private async Task<string> CreateUploadJobAsync(string content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes(content)), "data", "first.txt" } };
        using var response = await app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.ToString();
    }
}
