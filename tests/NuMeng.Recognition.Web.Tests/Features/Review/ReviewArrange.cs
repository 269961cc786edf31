using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// Prepares, in the running portal's own database and attachment store, an application as the enterprise half of the
/// portal leaves it: a first version returned by the bureau with a reason, and a second version that answers it
/// (content in the application format built from docs/examples/precheck-digital-workshop.json, a PDF and a PNG attached).
/// </summary>
internal static class ReviewArrange
{
    /// <summary>Demo enterprise 1 (青城智造乳业, 1501) in the open 2026 数字化车间 batch, resubmitted once: waiting for the bureau.</summary>
    public static async Task<Guid> ResubmittedWorkshopAsync(PortalFactory portal, string name)
    {
        var store = portal.Services.GetRequiredService<IAttachmentStore>();
        var enterprise = DemoSeeder.Enterprise(1);
        var user = DemoSeeder.UserId("enterprise");
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        await using var db = portal.SystemContext("初审测试");
        var app = new Application
        {
            EnterpriseId = enterprise,
            BatchId = DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop),
            Kind = RecognitionKind.DigitalWorkshop,
            WorkshopOrFactoryName = name,
            LeagueCode = "1501",
        };
        var pdf = await StoreAsync(store, db, app, enterprise, user, "technical.digitalEquipment", "装备清单.pdf", MinimalPdf());
        var png = await StoreAsync(store, db, app, enterprise, user, "technical.uploadRate", "联网监控截图.png", SolidPng(320, 180));

        var v1 = ApplicationVersion.Freeze(app.Id, 1, Content(digitalEquipment: 17, reviewId: null), [pdf], at, user);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.Submit, [ActorRole.EnterpriseApplicant]), v1);
        var returned = new BureauReview
        {
            ApplicationId = app.Id,
            ApplicationVersionId = v1.Id,
            BureauOrganisationId = WellKnownIds.Bureau("1501"),
            Decision = BureauDecision.Return,
            ItemReasons = [new BureauReviewItemReason { ItemKey = "technical.digitalEquipment", Reason = "数字化装备 17 台，装备数控化率未达 60%，请核实装备清单" }],
            ReviewedByUserId = DemoSeeder.UserId("bureau.reviewer"),
        };
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.ReturnForRevision, [ActorRole.BureauReviewer]));
        var v2 = ApplicationVersion.Freeze(app.Id, 2, Content(digitalEquipment: 21, reviewId: returned.Id), [pdf, png], at.AddDays(1), user);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.Resubmit, [ActorRole.EnterpriseApplicant]), v2);
        app.CurrentDraftJson = v2.ContentJson;
        db.AddRange(app, v1, returned, v2);
        await db.SaveChangesAsync();
        return app.Id;
    }

    /// <summary>
    /// The content: the documented example's figures, with 生产效率提高 declared as the source document's 21.69 % (the
    /// engine computes 27.72 %, so the page shows a declared-versus-computed flag).
    /// </summary>
    public static string Content(int digitalEquipment, Guid? reviewId)
    {
        var example = JsonNode.Parse(Examples.Read("precheck-digital-workshop.json"))!.AsObject();
        example.Remove("kind");
        example.Remove("assessmentDate");
        example["enterprise"]!["creditCode"] = DemoSeeder.CreditCodeOf(1);
        example["technical"]!["digitalEquipment"] = digitalEquipment;
        example["kpi"]!["productionEfficiency"]!["declared"] = 21.69m;
        if (reviewId is { } id)
        {
            example["replies"] = new JsonArray(new JsonObject
            {
                ["reviewId"] = id.ToString("D"),
                ["itemKey"] = "technical.digitalEquipment",
                ["reason"] = "数字化装备 17 台，装备数控化率未达 60%，请核实装备清单",
                ["reply"] = "已补录 4 台数控装备，装备清单已更新，数控化率 70%。",
            });
        }
        var json = example.ToJsonString();
        if (ApplicationContent.Read(json, out var errors) is null)
        {
            throw new InvalidOperationException("测试申报内容无法读取：" + string.Join("；", errors));
        }
        return json;
    }

    private static async Task<Attachment> StoreAsync(IAttachmentStore store, RecognitionDbContext db, Application app, Guid owner, Guid user,
        string itemKey, string fileName, byte[] bytes)
    {
        var saved = await store.SaveAsync(new MemoryStream(bytes), fileName, itemKey);
        var file = saved.File ?? throw new InvalidOperationException(string.Join("；", saved.Errors));
        var attachment = new Attachment
        {
            OwnerOrganisationId = owner, ApplicationId = app.Id, ItemKey = itemKey, OriginalFileName = file.OriginalFileName,
            StoredName = file.StoredName, ContentType = file.ContentType, SizeBytes = file.SizeBytes, Sha256 = file.Sha256,
            UploadedAt = DateTimeOffset.UtcNow, UploadedByUserId = user,
        };
        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>A one-page PDF (a scan stand-in) with a correct cross-reference table.</summary>
    public static byte[] MinimalPdf(string text = "Equipment list / stamped opinion (test)")
    {
        var stream = $"BT /F1 20 Tf 60 760 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            pdf.Append($"{o:D10} 00000 n \n");
        }
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A solid-colour PNG (government red) of the given size.</summary>
    public static byte[] SolidPng(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write(x < width / 8 ? [0xB3, 0x12, 0x1D] : [0xF5, 0xF6, 0xF8]);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
