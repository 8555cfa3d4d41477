using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PleGen.Runtime.Tests.Data;

/// <summary>A temporary folder for data files, removed on dispose.</summary>
internal sealed class DataScratch : IDisposable
{
    public DataScratch()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plegen-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        string path = File(name);
        using var gzip = new GZipStream(System.IO.File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
