using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Tests.Tenancy;

/// <summary>
/// The file store behind the download endpoint. "Attachments (stored outside the web root under generated names,
/// size and content type checked, SHA-256 recorded)"; a download serves only bytes that still match the recorded hash.
/// </summary>
public sealed class AttachmentStoreTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "numeng-attachments-" + Guid.NewGuid().ToString("N"));

    private FileSystemAttachmentStore Store(long maxBytes = AttachmentOptions.DefaultMaxBytes, string root = "App_Data/attachments") =>
        new(Options.Create(new AttachmentOptions { Root = root, MaxBytes = maxBytes }), new Environment(_contentRoot),
            NullLogger<FileSystemAttachmentStore>.Instance);

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => Pdf,
        "jpeg" => Jpeg,
        "png" => Png,
        "text" => Encoding.UTF8.GetBytes("这不是图片"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("装备清单.pdf", "pdf", "application/pdf", ".pdf")]
    [InlineData("现场照片.JPG", "jpeg", "image/jpeg", ".jpg")]
    [InlineData("现场照片.jpeg", "jpeg", "image/jpeg", ".jpg")]
    [InlineData("网络拓扑.png", "png", "image/png", ".png")]
    public async Task SaveAsync_AcceptedType_StoresUnderAGeneratedNameWithItsHash(string name, string kind, string contentType, string extension)
    {
        var store = Store();
        var bytes = Bytes(kind);

        var result = await store.SaveAsync(new MemoryStream(bytes), name, "technical.equipmentList");

        Assert.True(result.Succeeded);
        var file = result.File!;
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(name, file.OriginalFileName);
        Assert.Equal(bytes.Length, file.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        // Generated name: never the user's, and the file sits in the configured root.
        Assert.EndsWith(extension, file.StoredName, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(name), file.StoredName, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.Root, file.StoredName)));
    }

    [Fact]
    public async Task SaveAsync_BrowserSendsAFullPath_KeepsOnlyTheFileName()
    {
        var result = await Store().SaveAsync(new MemoryStream(Pdf), @"C:\fakepath\装备清单.pdf", "f");

        Assert.Equal("装备清单.pdf", result.File!.OriginalFileName);
    }

    // "max configurable 20 MB": at the limit accepted, one byte over refused (inclusive bound).
    [Theory]
    [InlineData(1023, true)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public async Task SaveAsync_SizeAroundTheLimit_AcceptedUpToAndIncludingIt(int size, bool accepted)
    {
        var store = Store(maxBytes: 1024);
        var bytes = new byte[size];
        Pdf.CopyTo(bytes, 0);

        var result = await store.SaveAsync(new MemoryStream(bytes), "大文件.pdf", "technical.equipmentList");

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("technical.equipmentList", error.Field);
            Assert.Equal("文件大小不能超过 1 KB（“大文件.pdf”已超过）。", error.Message);
            Assert.Empty(Directory.EnumerateFiles(store.Root));
        }
    }

    [Fact]
    public async Task SaveAsync_DefaultLimit_Is20MegabytesAndSaysSoInChinese()
    {
        var store = Store();
        var bytes = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(bytes, 0);

        var result = await store.SaveAsync(new MemoryStream(bytes), "扫描件.pdf", "bureau.stampedOpinion");

        Assert.False(result.Succeeded);
        Assert.Equal("文件大小不能超过 20 MB（“扫描件.pdf”已超过）。", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("说明.docx", "pdf", "只接受 PDF、JPG、PNG 格式的文件（收到：.docx）。")]
    [InlineData("程序.exe", "pdf", "只接受 PDF、JPG、PNG 格式的文件（收到：.exe）。")]
    [InlineData("无扩展名", "pdf", "只接受 PDF、JPG、PNG 格式的文件（收到：无扩展名）。")]
    [InlineData("伪装.pdf", "png", "文件“伪装.pdf”的内容不是有效的 PDF 文件，与扩展名 .pdf 不符。")]
    [InlineData("伪装.png", "text", "文件“伪装.png”的内容不是有效的 PNG 文件，与扩展名 .png 不符。")]
    [InlineData("伪装.jpg", "pdf", "文件“伪装.jpg”的内容不是有效的 JPEG 文件，与扩展名 .jpg 不符。")]
    [InlineData("  ", "pdf", "文件名不能为空。")]
    public async Task SaveAsync_WrongTypeOrContent_RefusedWithAChineseReasonAndNothingStored(string name, string kind, string message)
    {
        var store = Store();

        var result = await store.SaveAsync(new MemoryStream(Bytes(kind)), name, "evidence");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("evidence", error.Field);
        Assert.Equal(message, error.Message);
        Assert.True(!Directory.Exists(store.Root) || !Directory.EnumerateFiles(store.Root).Any());
    }

    [Fact]
    public async Task SaveAsync_EmptyFile_Refused()
    {
        var result = await Store().SaveAsync(new MemoryStream([]), "空.pdf", "evidence");

        Assert.Equal("文件“空.pdf”是空文件，请重新选择。", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task OpenReadAsync_UnchangedFile_ReturnsTheBytes()
    {
        var store = Store();
        var file = (await store.SaveAsync(new MemoryStream(Pdf), "a.pdf", "f")).File!;

        await using var stream = await store.OpenReadAsync(new StoredFileReference(file.StoredName, file.SizeBytes, file.Sha256));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Pdf, copy.ToArray());
    }

    // docs/architecture.md principle 6: nothing submitted is ever edited — an altered file is refused, not served.
    [Theory]
    [InlineData("same-length")]
    [InlineData("appended")]
    public async Task OpenReadAsync_FileAlteredOnDisk_RefusedAsAltered(string change)
    {
        var store = Store();
        var file = (await store.SaveAsync(new MemoryStream(Pdf), "a.pdf", "f")).File!;
        var path = Path.Combine(store.Root, file.StoredName);
        var tampered = change == "appended" ? [.. Pdf, (byte)'x'] : Pdf.ToArray();
        if (change == "same-length")
        {
            tampered[^2] ^= 0x01;
        }
        await File.WriteAllBytesAsync(path, tampered);

        var ex = await Assert.ThrowsAsync<AttachmentUnavailableException>(
            () => store.OpenReadAsync(new StoredFileReference(file.StoredName, file.SizeBytes, file.Sha256)));

        Assert.Equal(AttachmentFault.Altered, ex.Fault);
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0196a1b2c3d4e5f60718293a4b5c6d7e.pdf")]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("sub/dir.pdf")]
    public async Task OpenReadAsync_MissingOrForeignName_RefusedAsMissing(string storedName)
    {
        var ex = await Assert.ThrowsAsync<AttachmentUnavailableException>(
            () => Store().OpenReadAsync(new StoredFileReference(storedName, 10, new string('0', 64))));

        Assert.Equal(AttachmentFault.Missing, ex.Fault);
    }

    [Fact]
    public async Task OpenReadAsync_SeededDemoAttachmentNotYetOnDisk_WritesTheDemoBytesOnce()
    {
        var store = Store();
        const string name = "demo-a7-equipment.pdf";
        var bytes = DemoSeeder.DemoAttachmentBytes(name);
        var reference = new StoredFileReference(name, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        await using (var first = await store.OpenReadAsync(reference))
        {
            using var copy = new MemoryStream();
            await first.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        await using var second = await store.OpenReadAsync(reference);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.Root, name)));
    }

    [Fact]
    public async Task OpenReadAsync_DemoNameWithAnotherHash_IsNotInvented()
    {
        var store = Store();

        var ex = await Assert.ThrowsAsync<AttachmentUnavailableException>(
            () => store.OpenReadAsync(new StoredFileReference("demo-x.pdf", 10, new string('a', 64))));

        Assert.Equal(AttachmentFault.Missing, ex.Fault);
        Assert.False(File.Exists(Path.Combine(store.Root, "demo-x.pdf")));
    }

    [Fact]
    public void Constructor_RootInsideWwwroot_Refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Store(root: "wwwroot/uploads"));

        Assert.Contains("不能位于网站根目录", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    private sealed class Environment(string contentRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.Combine(contentRoot, "wwwroot");

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "NuMeng.Recognition.Web";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = contentRoot;

        public string EnvironmentName { get; set; } = "Testing";
    }
}
