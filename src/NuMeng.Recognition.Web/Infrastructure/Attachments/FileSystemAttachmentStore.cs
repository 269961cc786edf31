using System.Security.Cryptography;
using NuMeng.Recognition.Data.Hashing;

namespace NuMeng.Recognition.Web.Infrastructure.Attachments;

/// <summary>
/// Attachments on a file system path outside the web root, one flat folder, under generated names
/// (<c>{Guid v7}.pdf|.jpg|.png</c>): the user's file name is kept in the database only, so it can never choose or escape
/// the path. Every read re-computes the SHA-256 and refuses a file that no longer matches ("SHA-256 recorded";
/// docs/architecture.md principle 6: nothing submitted is ever edited).
/// </summary>
public sealed partial class FileSystemAttachmentStore : IAttachmentStore
{
    /// <summary>Accepted types: extension → (content type, label, magic bytes at offset 0).</summary>
    private static readonly Dictionary<string, (string ContentType, string Label, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF", "%PDF-"u8.ToArray()),
        [".jpg"] = ("image/jpeg", "JPEG", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", "JPEG", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    };

    /// <summary>Matches <c>Attachment.OriginalFileName</c>'s column length.</summary>
    private const int MaxFileNameLength = 260;

    private readonly long _maxBytes;
    private readonly ILogger<FileSystemAttachmentStore> _logger;

    public FileSystemAttachmentStore(IOptions<AttachmentOptions> options, IWebHostEnvironment environment, ILogger<FileSystemAttachmentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var value = options.Value;
        if (value.MaxBytes <= 0)
        {
            throw new InvalidOperationException($"配置 {AttachmentOptions.SectionName}:MaxBytes 必须大于 0（当前 {value.MaxBytes}）。");
        }
        _maxBytes = value.MaxBytes;
        _logger = logger;
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, value.Root));
        // Files must never be reachable as static files: refuse a root inside wwwroot.
        if (!string.IsNullOrEmpty(environment.WebRootPath))
        {
            var webRoot = Path.GetFullPath(environment.WebRootPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if ((Root + Path.DirectorySeparatorChar).StartsWith(webRoot, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"附件目录（{Root}）不能位于网站根目录（{webRoot}）之内。");
            }
        }
    }

    /// <summary>The absolute folder of the stored files.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public async Task<AttachmentSaveResult> SaveAsync(Stream content, string originalFileName, string field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Browsers may send a full path ("C:\fakepath\装备清单.pdf"): only the last segment is the name.
        var name = (originalFileName ?? string.Empty).Split('/', '\\').Last().Trim();
        if (name.Length == 0)
        {
            return AttachmentSaveResult.Refused(new InputError(field, "文件名不能为空。"));
        }
        if (name.Length > MaxFileNameLength)
        {
            return AttachmentSaveResult.Refused(new InputError(field, $"文件名不能超过 {MaxFileNameLength} 个字符（当前 {name.Length} 个）。"));
        }
        var extension = Path.GetExtension(name);
        if (!Types.TryGetValue(extension, out var type))
        {
            var got = extension.Length == 0 ? "无扩展名" : extension.ToLowerInvariant();
            return AttachmentSaveResult.Refused(new InputError(field, $"只接受 PDF、JPG、PNG 格式的文件（收到：{got}）。"));
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            long size = 0;
            var header = new byte[8];
            var headerLength = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > _maxBytes)
                    {
                        // Stop reading at the limit: the rest of an oversized upload is never written.
                        return AttachmentSaveResult.Refused(new InputError(field,
                            $"文件大小不能超过 {FormatSize(_maxBytes)}（“{name}”已超过）。"));
                    }
                    if (headerLength < header.Length)
                    {
                        var n = Math.Min(header.Length - headerLength, read);
                        Array.Copy(buffer, 0, header, headerLength, n);
                        headerLength += n;
                    }
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size == 0)
            {
                return AttachmentSaveResult.Refused(new InputError(field, $"文件“{name}”是空文件，请重新选择。"));
            }
            if (headerLength < type.Magic.Length || !header.AsSpan(0, type.Magic.Length).SequenceEqual(type.Magic))
            {
                // The extension alone proves nothing: the first bytes must be those of the claimed format.
                return AttachmentSaveResult.Refused(new InputError(field,
                    $"文件“{name}”的内容不是有效的 {type.Label} 文件，与扩展名 {extension.ToLowerInvariant()} 不符。"));
            }

            var storedName = $"{Guid.CreateVersion7():N}{(type.ContentType == "image/jpeg" ? ".jpg" : extension.ToLowerInvariant())}";
            File.Move(temp, Path.Combine(Root, storedName));
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return AttachmentSaveResult.Stored(new StoredFile(storedName, name, type.ContentType, size, sha));
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(StoredFileReference file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!StoredNamePattern().IsMatch(file.StoredName))
        {
            // Names are generated by this store or the demo seeder; anything else is not ours to open.
            throw new AttachmentUnavailableException(file.StoredName, AttachmentFault.Missing);
        }
        var path = Path.Combine(Root, file.StoredName);
        if (!File.Exists(path) && !await TryMaterialiseDemoFileAsync(file, path, cancellationToken))
        {
            throw new AttachmentUnavailableException(file.StoredName, AttachmentFault.Missing);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        try
        {
            var actual = await Sha256Hex.OfAsync(stream, cancellationToken);
            if (stream.Length != file.SizeBytes || !string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogError("附件 {StoredName} 校验失败：记录 {Expected}（{ExpectedSize} 字节），实际 {Actual}（{ActualSize} 字节）",
                    file.StoredName, file.Sha256, file.SizeBytes, actual, stream.Length);
                throw new AttachmentUnavailableException(file.StoredName, AttachmentFault.Altered);
            }
            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The demo seeder writes attachment rows only (DemoSeeder.DemoAttachmentBytes gives their bytes). A missing file
    /// named <c>demo-…</c> whose demo bytes hash to the recorded SHA-256 is written on first read, so downloads work in
    /// the demo; any other missing file stays missing.
    /// </summary>
    private static async Task<bool> TryMaterialiseDemoFileAsync(StoredFileReference file, string path, CancellationToken cancellationToken)
    {
        if (!file.StoredName.StartsWith("demo-", StringComparison.Ordinal))
        {
            return false;
        }
        var bytes = DemoSeeder.DemoAttachmentBytes(file.StoredName);
        if (!string.Equals(Sha256Hex.Of(bytes), file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another request wrote it first: same bytes.
            File.Delete(temp);
        }
        return true;
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024m / 1024m:0.##} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024m:0.##} KB"),
        _ => $"{bytes} 字节",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,200}(\\.[A-Za-z0-9]{1,8})?$")]
    private static partial Regex StoredNamePattern();
}
