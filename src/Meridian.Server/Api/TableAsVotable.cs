// SPDX-License-Identifier: MIT
using System.IO.Pipelines;
using Meridian.Engine.Descriptions;
using Meridian.Protocol.Dali;
using Meridian.Protocol.Tables;
using Meridian.Server.Http;

namespace Meridian.Server.Api;

/// <summary>
/// A CSV or TSV result sent as a VOTable when the client asks for one (?format=votable, or an Accept that prefers
/// application/x-votable+xml): column types as the service declares them (results: columns:) or inferred from the
/// cells, the file read twice rather than held whole.
/// </summary>
public sealed class TableAsVotable(string path, string mimeType, string name, string? description, IReadOnlyList<TableColumnDefinition> declared) : IResult
{
    public static bool IsTable(string mimeType) =>
        mimeType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || mimeType.StartsWith("text/tab-separated-values", StringComparison.OrdinalIgnoreCase);

    public static bool Wanted(HttpRequest request, string mimeType)
    {
        if (request.Query["format"] is { Count: 1 } format)
        {
            return format[0] is "votable";
        }

        var votable = AcceptHeader.Quality(request, media => AcceptHeader.Is(media, DaliErrorWriter.MediaType) || AcceptHeader.Is(media, "application/x-votable"));
        var table = AcceptHeader.Quality(request, media => AcceptHeader.Is(media, mimeType.Split(';')[0].Trim()) || AcceptHeader.Is(media, "*/*") || AcceptHeader.Is(media, "text/*"));
        return votable > table;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var delimiter = DelimitedTable.DelimiterFor(mimeType);
        List<TableColumn> columns;
        using (var reader = new StreamReader(path))
        {
            using var rows = DelimitedTable.Read(reader, delimiter).GetEnumerator();
            var header = rows.MoveNext() ? rows.Current : [];
            var guesses = header.Select(_ => new ColumnTypeGuess()).ToArray();
            while (rows.MoveNext())
            {
                for (var i = 0; i < guesses.Length && i < rows.Current.Length; i++)
                {
                    guesses[i].See(rows.Current[i]);
                }
            }

            // A column the service declared is as it says (cells that do not fit become nulls); the others are guessed.
            columns = header.Select((name, i) => declared.FirstOrDefault(d => d.Name == name.Trim()) is { } column
                ? new TableColumn(column.Name, column.DataType, column.Unit, column.Ucd, column.Description)
                : new TableColumn(name.Trim(), guesses[i].DataType)).ToList();
        }

        var response = httpContext.Response;
        FileDownload.Protect(response);
        response.ContentType = DaliErrorWriter.MediaType + "; charset=utf-8";
        response.Headers.Vary = "Accept";
        // The writer is synchronous and Kestrel's body is not: a pipe between them, its back-pressure bounding memory.
        var pipe = new Pipe();
        var writing = Task.Run(() =>
        {
            try
            {
                using var source = new StreamReader(path);
                using var sink = pipe.Writer.AsStream();
                TableVotableWriter.Write(sink, name, description, columns, DelimitedTable.Read(source, delimiter).Skip(1));
            }
            finally
            {
                pipe.Writer.Complete();
            }
        });
        await pipe.Reader.CopyToAsync(response.Body, httpContext.RequestAborted);
        await writing;
    }
}
