<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln node</numerusform>
            <numerusform>%1: %2 of %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln job</numerusform>
            <numerusform>%1: %2 of %Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation>
            <numerusform>%1: %2 of %Ln alert</numerusform>
            <numerusform>%1: %2 of %Ln alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation>
            <numerusform>%1: %2 of %Ln</numerusform>
            <numerusform>%1: %2 of %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %Ln more</numerusform>
            <numerusform>; and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CanRunNow</name>
    <message numerus="yes">
        <source>, %n job(s) ahead need %1</source>
        <translation>
            <numerusform>, %Ln job ahead needs %1</numerusform>
            <numerusform>, %Ln jobs ahead need %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::FederationPage</name>
    <message numerus="yes">
        <source>%n centre(s)</source>
        <translation>
            <numerusform>%Ln centre</numerusform>
            <numerusform>%Ln centres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation>
            <numerusform>on %Ln node: %1</numerusform>
            <numerusform>on %Ln nodes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation>
            <numerusform>asks for %Ln node</numerusform>
            <numerusform>asks for %Ln nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation>
            <numerusform>%Ln accelerator failed</numerusform>
            <numerusform>%Ln accelerators failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation>
            <numerusform>Drain %Ln node? No new jobs will start on it; running jobs finish.</numerusform>
            <numerusform>Drain %Ln nodes? No new jobs will start on them; running jobs finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation>
            <numerusform>Return %Ln node to service?</numerusform>
            <numerusform>Return %Ln nodes to service?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation>
            <numerusform>Reboot %Ln node once its jobs have ended?</numerusform>
            <numerusform>Reboot %Ln nodes once their jobs have ended?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation>
            <numerusform>%1 of %Ln node available</numerusform>
            <numerusform>%1 of %Ln nodes available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestsPage</name>
    <message numerus="yes">
        <source>Exported %n quota request(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln quota request to %1</numerusform>
            <numerusform>Exported %Ln quota requests to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TableTools</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantsPage</name>
    <message numerus="yes">
        <source>Exported %n tenant(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln tenant to %1</numerusform>
            <numerusform>Exported %Ln tenants to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::WallFederationPage</name>
    <message numerus="yes">
        <source>Federation · %n centre(s)</source>
        <translation>
            <numerusform>Federation · %Ln centre</numerusform>
            <numerusform>Federation · %Ln centres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%Ln node</numerusform>
            <numerusform>%Ln nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::WallTakeover</name>
    <message numerus="yes">
        <source>and %n more new critical alert(s)</source>
        <translation>
            <numerusform>and %Ln more new critical alert</numerusform>
            <numerusform>and %Ln more new critical alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation>
            <numerusform>reconnecting in %Ln s: %1</numerusform>
            <numerusform>reconnecting in %Ln s: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
