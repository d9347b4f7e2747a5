using System.Net;
using System.Text;
using System.Text.Json;

namespace PaperArchive.Serve;

/// <summary>
/// The reload client. Served HTML gets one <c>&lt;script src="/__paperarchive/live.js"&gt;</c> tag
/// (added to the response only, never to the files on disk) whose <c>data-state</c> carries the
/// build the page came from. The script listens on <see cref="EventsPath"/> (Server-Sent Events),
/// naming its page (<c>?page=/repo/day/2024-06-03.html</c>) so a theme edit renders that page first
/// (see <see cref="PreviewServer"/>): a newer site (on disk, or a preview rendered in memory) reloads the page; a build with errors shows the overlay (file, location,
/// message) over the page; the next good build reloads it. An external script rather than inline code, so a theme's Content-Security-Policy
/// of <c>script-src 'self'</c> does not block it.
/// </summary>
public static class LiveReload
{
    public const string Prefix = "/__paperarchive/";
    public const string EventsPath = Prefix + "events";
    public const string ScriptPath = Prefix + "live.js";
    public const string StatusPath = Prefix + "status";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The state the client compares: <c>build</c> is "instance-n", so a restarted server also reloads open tabs.</summary>
    public static string StatusJson(BuildStatus status, string instance) => JsonSerializer.Serialize(new
    {
        build = instance + "-" + status.SiteBuild.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ok = status.Ok,
        errors = status.Errors.Select(e => new { file = e.File, location = e.Location, message = e.Message }),
    }, Json);

    /// <summary>Adds the script tag before the last <c>&lt;/body&gt;</c> (or at the end), so the page still ends with <c>&lt;/html&gt;</c>.</summary>
    public static byte[] Inject(byte[] html, BuildStatus status, string instance)
    {
        var text = Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{ScriptPath}\" data-paperarchive-state=\"{WebUtility.HtmlEncode(StatusJson(status, instance))}\"></script>\n";
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var result = at < 0 ? text + tag : text[..at] + tag + text[at..];
        return Encoding.UTF8.GetBytes(result);
    }

    /// <summary>A page for when no build has succeeded yet: only the overlay, which reloads on the first good build.</summary>
    public static byte[] NoSitePage(BuildStatus status, string instance) => Inject(Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build failed · paperarchive serve</title></head>\n<body>\n<p>The site has not been built yet.</p>\n</body>\n</html>\n"),
        status, instance);

    public static string Script { get; } = """
        (function () {
          'use strict';
          var me = document.currentScript;
          var state = JSON.parse(me.getAttribute('data-paperarchive-state'));
          var root = document.documentElement;
          function hide() {
            var o = document.getElementById('paperarchive-overlay');
            if (o) { o.parentNode.removeChild(o); }
            root.removeAttribute('data-paperarchive-overlay');
          }
          function show(errors) {
            hide();
            var o = document.createElement('div');
            o.id = 'paperarchive-overlay';
            o.setAttribute('role', 'alert');
            o.style.cssText = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;overflow:auto;box-sizing:border-box;' +
              'padding:2rem;background:rgba(24,24,28,.96);color:#f4f4f4;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace';
            var h = document.createElement('h2');
            h.textContent = 'Build errors';
            h.style.cssText = 'margin:0 0 .25rem;color:#ff8a80;font-size:1.3rem';
            var p = document.createElement('p');
            p.textContent = 'Fix the file and save: the page reloads by itself.';
            p.style.cssText = 'margin:0 0 1.25rem;color:#bbb';
            var x = document.createElement('button');
            x.type = 'button';
            x.textContent = 'Dismiss';
            x.className = 'paperarchive-dismiss';
            x.style.cssText = 'float:right;font:inherit;padding:.25rem .75rem;cursor:pointer';
            x.onclick = hide;
            o.appendChild(x);
            o.appendChild(h);
            o.appendChild(p);
            errors.forEach(function (e) {
              var d = document.createElement('div');
              d.className = 'paperarchive-error';
              d.style.cssText = 'margin:0 0 1rem;padding:.75rem 1rem;border-left:4px solid #ff8a80;background:rgba(255,255,255,.06)';
              var f = document.createElement('div');
              f.className = 'paperarchive-error-file';
              f.textContent = e.file + (e.location ? ' (' + e.location + ')' : '');
              f.style.fontWeight = 'bold';
              var m = document.createElement('pre');
              m.className = 'paperarchive-error-message';
              m.textContent = e.message;
              m.style.cssText = 'margin:.25rem 0 0;white-space:pre-wrap;font:inherit';
              d.appendChild(f);
              d.appendChild(m);
              o.appendChild(d);
            });
            (document.body || root).appendChild(o);
            root.setAttribute('data-paperarchive-overlay', 'shown');
          }
          function apply(s) {
            // A new site on disk always reloads; the reloaded page brings its own errors, if any.
            if (s.build !== state.build) { root.setAttribute('data-paperarchive-live', 'reloading'); location.reload(); return; }
            if (s.errors.length) { show(s.errors); } else { hide(); }
          }
          function start() {
            if (state.errors.length) { show(state.errors); }
            if (!window.EventSource) { return; }
            // Naming the page lets the server render it first when a theme file changes (preview first).
            var events = new EventSource('/__paperarchive/events?page=' + encodeURIComponent(location.pathname));
            events.onopen = function () { root.setAttribute('data-paperarchive-live', 'connected'); };
            events.onmessage = function (e) { apply(JSON.parse(e.data)); };
            events.onerror = function () { root.setAttribute('data-paperarchive-live', 'reconnecting'); };
            window.addEventListener('pagehide', function () { events.close(); });
          }
          if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
        })();
        """;
}
