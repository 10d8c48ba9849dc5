// SPDX-License-Identifier: MIT
namespace Meridian.Formats.Tests;

/// <summary>The real OIFITS files of shared/data/oifits, found by walking up from the test binaries (the repository sits beside 'shared').</summary>
public static class SampleFiles
{
    public const string Fkv1137 = "2004-FKV1137-L1L2-example.fits";
    public const string Fkv1137ImageOi = "2004-FKV1137-L1L2-example.image-oi.fits";
    public const string Mystery = "2004-mystery1-L1L2WHITE-example.fits";
    public const string BinaryMirc = "Bin_Ary--MIRC_H_with_img.fits";
    public const string Gauss = "gauss.fits";

    public static IEnumerable<object[]> All => new[] { Fkv1137, Fkv1137ImageOi, Mystery, BinaryMirc, Gauss }.Select(name => new object[] { name });

    public static string PathOf(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data", "oifits", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No shared/data/oifits/{name} above {AppContext.BaseDirectory}: the repository should sit beside a 'shared' folder.");
    }
}
