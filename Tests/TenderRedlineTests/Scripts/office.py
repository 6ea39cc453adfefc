"""Drives LibreOffice headless over UNO for the redline tests, in one soffice process.

usage: office.py PROFILE_DIR OUT_DIR FILE...

For every FILE it writes OUT_DIR/NAME.original.txt (the document as it is),
NAME.accepted.txt (after LibreOffice's own "accept all changes") and NAME.rejected.txt
(after "reject all changes") and NAME.original.odt (LibreOffice's reading stored as ODT, whose
annotations the tests count), and prints one JSON object: per file the number of tracked
changes LibreOffice sees before and after accepting or rejecting.
"""
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main():
    profile, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    pipe = "tenderlint_redline_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                               "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
                               "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("soffice did not answer")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        report = {}
        for path in files:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            name = os.path.splitext(os.path.basename(path))[0]
            info = {}
            for variant, command in (("original", None), ("accepted", ".uno:AcceptAllTrackedChanges"), ("rejected", ".uno:RejectAllTrackedChanges")):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                if variant == "original":
                    # LibreOffice's own reading, saved as ODT: the tests count its annotations.
                    info["changes"] = doc.getRedlines().getCount()
                    odt = uno.systemPathToFileUrl(os.path.abspath(os.path.join(out_dir, "%s.original.odt" % name)))
                    doc.storeToURL(odt, (prop("FilterName", "writer8"),))
                else:
                    frame = doc.getCurrentController().getFrame()
                    dispatcher.executeDispatch(frame, command, "", 0, ())
                    info[variant + "Changes"] = doc.getRedlines().getCount()
                target = uno.systemPathToFileUrl(os.path.abspath(os.path.join(out_dir, "%s.%s.txt" % (name, variant))))
                doc.storeToURL(target, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF,,,")))
                doc.close(True)
            report[path] = info
        print(json.dumps(report))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()

main()
