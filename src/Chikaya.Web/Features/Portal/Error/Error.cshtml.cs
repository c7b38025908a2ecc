using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.Error;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer t) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    // a failed POST is re-executed here with its method
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? HttpContext.Response.StatusCode;
        if (code < 400) code = 500;
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            404 => (t["Page introuvable"], t["Cette page n'existe pas, ou vous n'y avez pas accès."]),
            403 => (t["Accès refusé"], t["Vous n'avez pas accès à cette page."]),
            429 => (t["Trop de demandes"], t["Vous avez envoyé beaucoup de demandes en peu de temps. Réessayez dans quelques minutes."]),
            400 or 409 or 413 or 415 => (t["Demande invalide"], t["La demande n'a pas pu être traitée. Vérifiez les informations saisies et réessayez."]),
            _ => (t["Une erreur est survenue"], t["Le service n'a pas pu traiter votre demande. Réessayez dans un instant."]),
        };
    }
}
