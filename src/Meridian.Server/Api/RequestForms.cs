// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Server.Http;
using Meridian.Server.Limits;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Api;

/// <summary>The fields and files of a UWS POST: form-encoded or multipart, as the standard says.</summary>
public static class RequestForms
{
    public static async Task<(IReadOnlyList<FormField> Fields, IReadOnlyList<FormUpload> Files)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType,
                    "Send parameters as application/x-www-form-urlencoded or multipart/form-data.");
            }

            return ([], []);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge,
                $"More parameters than Meridian:MaxParameters = {request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitSettings>>().Value.MaxParameters} in one request.");
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, $"The form exceeds a limit of this server: {exception.Message}");
        }
        catch (InvalidDataException exception)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"Malformed form body: {exception.Message}");
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested && exception is not BadHttpRequestException)
        {
            // A multipart body that ends before its closing boundary.
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"Malformed form body: {exception.Message}");
        }

        var fields = form.SelectMany(pair => pair.Value.Select(value => new FormField(pair.Key, value ?? ""))).ToList();
        // A browser sends an empty part for a file input left empty: that is "no file", not an empty file.
        var files = form.Files.Where(file => file.Length > 0 || !string.IsNullOrEmpty(file.FileName))
            .Select(file => new FormUpload(file.Name, file.FileName, file.Length, file.ContentType, file.OpenReadStream))
            .ToList();
        return (fields, files);
    }
}
