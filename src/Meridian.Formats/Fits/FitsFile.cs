// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Formats.Fits;

/// <summary>
/// A FITS file (FITS 4.0): a primary image then extensions, each header and data padded to 2880-byte blocks.
/// Images and binary tables are decoded; other extensions are kept as they are.
/// </summary>
public sealed class FitsFile
{
    public const int BlockSize = 2880;

    public FitsFile(IEnumerable<FitsHdu>? hdus = null) => Hdus = [.. hdus ?? []];

    public List<FitsHdu> Hdus { get; }

    public FitsImage Primary => Hdus.Count > 0 && Hdus[0] is FitsImage image
        ? image
        : throw new FitsFormatException("the file has no primary image");

    public FitsHdu? Find(string name) => Hdus.FirstOrDefault(hdu => hdu.IsNamed(name));

    public T? Find<T>(string name) where T : FitsHdu => Hdus.OfType<T>().FirstOrDefault(hdu => hdu.IsNamed(name));

    public IEnumerable<FitsBinaryTable> Tables(string extName) =>
        Hdus.OfType<FitsBinaryTable>().Where(t => string.Equals(t.Header.GetString("EXTNAME"), extName, StringComparison.OrdinalIgnoreCase));

    public static FitsFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static FitsFile Read(Stream stream)
    {
        var hdus = new List<FitsHdu>();
        var block = new byte[BlockSize];
        while (true)
        {
            var header = ReadHeader(stream, block, first: hdus.Count == 0);
            if (header is null)
            {
                break;
            }

            var length = DataLength(header);
            var data = new byte[length];
            ReadExactly(stream, data, $"HDU {hdus.Count + 1}: the file ends inside the data");
            var padding = (int)((BlockSize - (length % BlockSize)) % BlockSize);
            // Writers that forget the last block's padding are common enough to accept.
            stream.ReadAtLeast(new byte[padding], padding, throwOnEndOfStream: false);
            hdus.Add(Decode(header, data, hdus.Count == 0));
        }

        return hdus.Count == 0 ? throw new FitsFormatException("the file is empty") : new FitsFile(hdus);
    }

    public void Write(string path)
    {
        using var stream = File.Create(path);
        Write(stream);
    }

    public void Write(Stream stream)
    {
        for (var i = 0; i < Hdus.Count; i++)
        {
            var hdu = Hdus[i];
            var cards = hdu.StructuralCards(primary: i == 0).Concat(hdu.Header.Cards).Append(FitsCard.Parse("END".PadRight(80)));
            var text = new StringBuilder();
            foreach (var card in cards)
            {
                text.Append(card.Format());
            }

            var headerBytes = Encoding.ASCII.GetBytes(text.ToString());
            stream.Write(headerBytes);
            WritePadding(stream, headerBytes.Length, (byte)' ');
            hdu.WriteData(stream);
            WritePadding(stream, hdu.DataLength, 0);
        }
    }

    private static FitsHeader? ReadHeader(Stream stream, byte[] block, bool first)
    {
        var header = new FitsHeader();
        var blocks = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(block, BlockSize, throwOnEndOfStream: false);
            if (read == 0 && blocks == 0 && !first)
            {
                return null;
            }

            if (read < BlockSize)
            {
                throw new FitsFormatException("the file ends inside a header (or is not FITS)");
            }

            var text = Encoding.Latin1.GetString(block);
            if (blocks == 0)
            {
                var expected = first ? "SIMPLE  =" : "XTENSION=";
                if (!text.StartsWith(expected, StringComparison.Ordinal))
                {
                    if (first)
                    {
                        throw new FitsFormatException("not a FITS file: it does not start with SIMPLE = T");
                    }

                    // Bytes after the last HDU that are not an extension (zeros, junk) end the file (FITS 4.0 §3.5).
                    return null;
                }
            }

            blocks++;
            for (var i = 0; i < BlockSize; i += FitsCard.Length)
            {
                var line = text.Substring(i, FitsCard.Length);
                if (line.StartsWith("END", StringComparison.Ordinal) && line[3..].Trim().Length == 0)
                {
                    return header;
                }

                if (!FitsCard.IsPrintable(line))
                {
                    throw new FitsFormatException($"header card {header.Cards.Count + 1} holds characters that are not printable ASCII");
                }

                header.Add(FitsCard.Parse(line));
            }
        }
    }

    private static long DataLength(FitsHeader header)
    {
        var bitpix = Math.Abs(header.Require("BITPIX"));
        var naxis = header.Require("NAXIS");
        if (naxis == 0)
        {
            return 0;
        }

        long product = 1;
        for (var i = 1; i <= naxis; i++)
        {
            product *= header.Require($"NAXIS{i}");
        }

        var pcount = header.GetLong("PCOUNT") ?? 0;
        var gcount = header.GetLong("GCOUNT") ?? 1;
        var length = bitpix / 8 * gcount * (pcount + product);
        return length is < 0 or > int.MaxValue
            ? throw new FitsFormatException($"an HDU of {length} bytes is beyond what this reader holds in memory")
            : length;
    }

    private static FitsHdu Decode(FitsHeader header, byte[] data, bool primary)
    {
        if (primary)
        {
            if (header.GetBool("SIMPLE") != true)
            {
                throw new FitsFormatException("SIMPLE is not T: the file does not conform to FITS");
            }

            if (header.GetBool("GROUPS") == true)
            {
                throw new FitsFormatException("random-groups files are not read");
            }

            return FitsImage.Read(header, data);
        }

        return header.GetString("XTENSION") switch
        {
            "IMAGE" => FitsImage.Read(header, data),
            "BINTABLE" => FitsBinaryTable.Read(header, data),
            _ => new FitsRawHdu(header, data),
        };
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string message)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new FitsFormatException(message);
        }
    }

    private static void WritePadding(Stream stream, long length, byte fill)
    {
        var padding = (int)((BlockSize - (length % BlockSize)) % BlockSize);
        if (padding > 0)
        {
            var bytes = new byte[padding];
            Array.Fill(bytes, fill);
            stream.Write(bytes);
        }
    }
}
