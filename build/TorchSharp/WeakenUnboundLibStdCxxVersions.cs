// MSBuild task (compiled by RoslynCodeTaskFactory, see TorchSharp.targets): lets TorchSharp's native shim load on a
// system whose libstdc++ is older than the one it was linked against, when and only when that is provably safe.
//
// Why it is safe: libLibTorchSharp.so (TorchSharp 0.107) asks for GLIBCXX_3.4.32 (GCC 13) for exactly one symbol,
// std::ios_base_library_init(), which GCC 13's <iostream> references as a link anchor only: no relocation names it, so
// the dynamic loader never binds it. The loader refuses a library whose version need it cannot meet, unless the need is
// marked weak (VER_FLG_WEAK in vna_flags): then a missing version is a warning. This task marks a missing version weak
// only after checking, in the file itself, that no relocation (REL or RELA, PLT or not) refers to any symbol bound to that
// version; anything else is left alone with a warning. It rewrites copies in the build output (a new file renamed over
// the old one, so a hard link into the NuGet cache is never written through) and never the package cache.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenUnboundLibStdCxxVersions : Task
{
    private const uint ShtRel = 9, ShtRela = 4, ShtDynsym = 11, ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Native libraries in the build output to check (and fix when needed).</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The libstdc++.so.6 the loader will use; found on LD_LIBRARY_PATH and the standard directories when empty.</summary>
    public string SystemLibStdCxx { get; set; } = "";

    public override bool Execute()
    {
        string system = string.IsNullOrEmpty(SystemLibStdCxx) ? FindSystemLibStdCxx() : SystemLibStdCxx;
        if (system is null || !File.Exists(system))
        {
            Log.LogMessage(MessageImportance.Low, "PleGen: no system libstdc++.so.6 found; TorchSharp's native library is left as shipped.");
            return true;
        }

        HashSet<string> defined;
        try
        {
            defined = new HashSet<string>(Elf.Read(system).DefinedVersions(), StringComparer.Ordinal);
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            Log.LogWarning($"PleGen: could not read the version definitions of {system} ({e.Message}); TorchSharp's native library is left as shipped.");
            return true;
        }

        foreach (ITaskItem item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                Fix(path, system, defined);
            }
            catch (Exception e) when (IsFileProblem(e))
            {
                Log.LogWarning($"PleGen: could not check {path} against {system} ({e.Message}); it is left as shipped.");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private void Fix(string path, string system, HashSet<string> defined)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var elf = new Elf(bytes);
        List<Elf.VersionNeed> needs = elf.VersionNeeds().Where(n => n.File == "libstdc++.so.6").ToList();
        List<Elf.VersionNeed> missing = needs.Where(n => !defined.Contains(n.Name) && (n.Flags & VerFlgWeak) == 0).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        HashSet<ushort> bound = elf.VersionIndexesOfRelocatedSymbols();
        List<Elf.VersionNeed> unsafeNeeds = missing.Where(n => bound.Contains(n.Index)).ToList();
        if (unsafeNeeds.Count > 0)
        {
            Log.LogWarning($"PleGen: {Path.GetFileName(path)} needs {string.Join(", ", unsafeNeeds.Select(n => n.Name))} from libstdc++, which {system} lacks, and binds symbols at that version: it cannot load here. Install a libstdc++ from GCC 13 or newer.");
            return;
        }

        foreach (Elf.VersionNeed need in missing)
        {
            ushort flags = (ushort)(need.Flags | VerFlgWeak);
            bytes[need.FlagsOffset] = (byte)flags;
            bytes[need.FlagsOffset + 1] = (byte)(flags >> 8);
        }

        // Copy (keeps the file mode), overwrite the copy, then rename it over the original: atomic, and a hard link the
        // build may have made into the package cache is replaced, never written through.
        string temporary = path + ".plegen-tmp";
        File.Copy(path, temporary, true);
        File.WriteAllBytes(temporary, bytes);
        File.Replace(temporary, path, null);
        Log.LogMessage(MessageImportance.High, $"PleGen: {system} lacks {string.Join(", ", missing.Select(n => n.Name))}; marked that version need weak in {path} (no relocation binds a symbol at it).");
    }

    private static bool IsFileProblem(Exception e) => e is IOException || e is InvalidDataException || e is UnauthorizedAccessException;

    private static string FindSystemLibStdCxx()
    {
        IEnumerable<string> directories = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" });
        return directories.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>The little that is read of a 64-bit little-endian ELF file: section headers and the GNU version sections.</summary>
    private sealed class Elf
    {
        private readonly byte[] _bytes;
        private readonly List<Section> _sections = new List<Section>();

        public Elf(byte[] bytes)
        {
            _bytes = bytes;
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (bytes[4] != 2 || bytes[5] != 1)
            {
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            }

            ulong sectionTable = U64(0x28);
            int entrySize = U16(0x3A), count = U16(0x3C);
            for (int i = 0; i < count; i++)
            {
                int header = checked((int)sectionTable + (i * entrySize));
                _sections.Add(new Section(U32(header + 4), checked((int)U64(header + 0x18)), checked((int)U64(header + 0x20)), (int)U32(header + 0x28), U64(header + 0x38)));
            }
        }

        public static Elf Read(string path) => new Elf(File.ReadAllBytes(path));

        public IEnumerable<string> DefinedVersions()
        {
            foreach (Section verdef in _sections.Where(s => s.Type == ShtGnuVerdef))
            {
                Section strings = _sections[verdef.Link];
                int entry = verdef.Offset;
                while (true)
                {
                    int aux = entry + (int)U32(entry + 12);
                    yield return String(strings, U32(aux));
                    uint next = U32(entry + 16);
                    if (next == 0)
                    {
                        break;
                    }

                    entry += (int)next;
                }
            }
        }

        public List<VersionNeed> VersionNeeds()
        {
            var needs = new List<VersionNeed>();
            foreach (Section verneed in _sections.Where(s => s.Type == ShtGnuVerneed))
            {
                Section strings = _sections[verneed.Link];
                int entry = verneed.Offset;
                while (true)
                {
                    string file = String(strings, U32(entry + 4));
                    int aux = entry + (int)U32(entry + 8);
                    for (int a = 0; a < U16(entry + 2); a++)
                    {
                        needs.Add(new VersionNeed(file, String(strings, U32(aux + 8)), U16(aux + 4), aux + 4, U16(aux + 6)));
                        aux += (int)U32(aux + 12);
                    }

                    uint next = U32(entry + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    entry += (int)next;
                }
            }

            return needs;
        }

        /// <summary>The version index (from .gnu.version) of every dynamic symbol that some relocation refers to.</summary>
        public HashSet<ushort> VersionIndexesOfRelocatedSymbols()
        {
            var indexes = new HashSet<ushort>();
            Section versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
            if (versym is null)
            {
                return indexes;
            }

            foreach (Section relocations in _sections.Where(s => s.Type == ShtRela || s.Type == ShtRel))
            {
                if (_sections[relocations.Link].Type != ShtDynsym)
                {
                    continue;
                }

                int size = relocations.EntrySize > 0 ? (int)relocations.EntrySize : (relocations.Type == ShtRela ? 24 : 16);
                for (int entry = relocations.Offset; entry + size <= relocations.Offset + relocations.Size; entry += size)
                {
                    uint symbol = (uint)(U64(entry + 8) >> 32);
                    if (symbol != 0)
                    {
                        indexes.Add((ushort)(U16(versym.Offset + (int)(symbol * 2)) & 0x7fff));
                    }
                }
            }

            return indexes;
        }

        private string String(Section table, uint offset)
        {
            int start = table.Offset + (int)offset, end = start;
            while (_bytes[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(_bytes, start, end - start);
        }

        private ushort U16(int at) => (ushort)(_bytes[at] | (_bytes[at + 1] << 8));

        private uint U32(int at) => U16(at) | ((uint)U16(at + 2) << 16);

        private ulong U64(int at) => U32(at) | ((ulong)U32(at + 4) << 32);

        private sealed class Section
        {
            public Section(uint type, int offset, int size, int link, ulong entrySize)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                EntrySize = entrySize;
            }

            public uint Type { get; }
            public int Offset { get; }
            public int Size { get; }
            public int Link { get; }
            public ulong EntrySize { get; }
        }

        public sealed class VersionNeed
        {
            public VersionNeed(string file, string name, ushort flags, int flagsOffset, ushort index)
            {
                File = file;
                Name = name;
                Flags = flags;
                FlagsOffset = flagsOffset;
                Index = index;
            }

            public string File { get; }
            public string Name { get; }
            public ushort Flags { get; }
            public int FlagsOffset { get; }
            public ushort Index { get; }
        }
    }
}
