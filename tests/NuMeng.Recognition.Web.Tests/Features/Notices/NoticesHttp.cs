using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>The public objection form over HTTP, as a browser posts it (multipart, antiforgery token, Blazor's _handler).</summary>
internal static class NoticesHttp
{
    /// <summary>The hidden fields of the objection form on the page (null when the page shows no form).</summary>
    public static async Task<Dictionary<string, string>?> FormFieldsAsync(HttpClient client, Guid noticeId)
    {
        var html = await client.GetStringAsync(new Uri($"/notices/{noticeId:D}/objection", UriKind.Relative));
        var form = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=objection-form]") as IHtmlFormElement;
        return form?.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
    }

    /// <summary>Posts an objection with the given hidden fields (from an earlier GET) and a small PDF.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, Guid noticeId, Dictionary<string, string> hidden,
        Guid applicationId, string name = "张明远", bool withScan = true)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in hidden)
        {
            content.Add(new StringContent(value), key);
        }
        content.Add(new StringContent("Individual"), "type");
        content.Add(new StringContent(applicationId.ToString("D")), "applicationId");
        content.Add(new StringContent(name), "name");
        content.Add(new StringContent("13904710000"), "contact");
        content.Add(new StringContent("该企业申报的装备数控化率与实际不符，部分设备未联网。"), "content");
        if (withScan)
        {
            var file = new ByteArrayContent("%PDF-1.4\n% signed\n%%EOF\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "scan", "异议书.pdf");
        }
        using var response = await client.PostAsync(new Uri($"/notices/{noticeId:D}/objection", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
