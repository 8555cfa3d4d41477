using System;
using System.IO;
using System.Text;
using PleGen.Samples.Compression;

namespace PleGen.Samples.Census;

/// <summary>
/// Opens a census file as text, decompressing it when it starts with the gzip magic bytes (whatever its extension) and
/// checking every gzip trailer, so a file cut short is an error rather than fewer rows.
/// </summary>
internal static class CensusFileOpener
{
    private const byte GzipMagic1 = 0x1f;
    private const byte GzipMagic2 = 0x8b;

    public static StreamReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            Stream content = read == 2 && magic[0] == GzipMagic1 && magic[1] == GzipMagic2
                ? new CheckedGzipStream(file)
                : file;
            return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
