using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// Drives the pages as a browser would: keeps cookies, follows redirects, and posts forms with
/// every field they contain, the anti-forgery token included.
/// </summary>
public sealed class Browser
{
    private readonly HttpClient _client;
    private readonly ChikayaApp _app;

    public Browser(ChikayaApp app, string? language)
    {
        _app = app;
        _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null) _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public HttpStatusCode LastStatus { get; private set; }
    public Uri? LastUrl { get; private set; }
    public HttpResponseMessage? LastResponse { get; private set; }

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await FollowAsync(await _client.GetAsync(url));
        return await ParseAsync(response);
    }

    public async Task<HttpResponseMessage> GetRawAsync(string url) => await _client.GetAsync(url);

    /// <summary>Fills the form's fields by name and submits it. Files are (field, name, bytes).</summary>
    public async Task<IHtmlDocument> SubmitAsync(IHtmlDocument page, string formSelector,
        IDictionary<string, string?>? values = null, IEnumerable<(string Field, string Name, byte[] Bytes)>? files = null,
        string? submitName = null, string? submitValue = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: continue;
                case IHtmlInputElement { Type: "file" or "submit" }: continue;
                case IHtmlButtonElement: continue;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null) fields.Add(new(name, value));
        }
        if (submitName is not null) fields.Add(new(submitName, submitValue ?? ""));

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        HttpContent content;
        if (form.Enctype == "multipart/form-data" || files is not null)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
            foreach (var (field, fileName, bytes) in files ?? [])
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(file, field, fileName);
            }
            content = multipart;
        }
        else content = new FormUrlEncodedContent(fields);
        var response = await FollowAsync(await _client.PostAsync(action, content));
        return await ParseAsync(response);
    }

    public async Task<IHtmlDocument> SignInAsync(string login, string password = Chikaya.Web.Data.Seeding.DemoOptions.Password)
    {
        var email = login.Contains('@') ? login : $"{login}@{Chikaya.Web.Data.Seeding.DemoOptions.Domain}";
        var page = await GetAsync("/account/signin");
        return await SubmitAsync(page, "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location!;
            var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            response = await _client.GetAsync(target);
        }
        if (response.StatusCode == HttpStatusCode.InternalServerError)
            throw new InvalidOperationException($"{response.StatusCode} on {response.RequestMessage?.RequestUri}: {string.Join("\n", _app.Errors.Entries)}");
        LastStatus = response.StatusCode;
        LastUrl = response.RequestMessage?.RequestUri;
        LastResponse = response;
        return response;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }
}

public static class PageText
{
    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector} in {page.Title}");

    public static IReadOnlyList<string> Errors(this IDocument page) =>
        page.QuerySelectorAll(".field-error, .error-summary li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
