<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>%1 not allowed: %2</source>
        <translation>无权执行%1：%2</translation>
    </message>
    <message>
        <source>%1 refused: the gateway does not accept this console&apos;s token (%2)</source>
        <translation>%1被拒绝：网关不接受此控制台的令牌（%2）</translation>
    </message>
    <message>
        <source>%1 failed: the gateway cannot be reached (%2)</source>
        <translation>%1失败：无法连接网关（%2）</translation>
    </message>
    <message>
        <source>%1 failed: the gateway did not answer in time</source>
        <translation>%1失败：网关未及时响应</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1已取消</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1被拒绝：%2</translation>
    </message>
    <message>
        <source>%1 not possible now: %2</source>
        <translation>当前无法%1：%2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>%1 failed: %2 (%3)</source>
        <translation>%1失败：%2（%3）</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：已完成</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n node(s)</source>
        <translation>
            <numerusform>%1：%n 个节点中 %2 个成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n job(s)</source>
        <translation>
            <numerusform>%1：%n 个作业中 %2 个成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n alert(s)</source>
        <translation>
            <numerusform>%1：%n 条告警中 %2 条成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n</source>
        <translation>
            <numerusform>%1：%n 项中 %2 项成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation>设置配额</translation>
    </message>
    <message>
        <source>Request quota</source>
        <translation>申请配额</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Query metrics</source>
        <translation>查询指标</translation>
    </message>
    <message>
        <source>List audit entries</source>
        <translation>查询审计日志</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>部分分配</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>Drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>PendingReasonText</name>
    <message>
        <source>held by a user</source>
        <translation>已被用户挂起</translation>
    </message>
    <message>
        <source>waiting for free accelerators</source>
        <translation>等待空闲加速卡</translation>
    </message>
    <message>
        <source>waiting for free %1 accelerators</source>
        <translation>等待空闲的 %1 加速卡</translation>
    </message>
    <message>
        <source>waiting: jobs of higher priority are ahead</source>
        <translation>等待中：前面有更高优先级的作业</translation>
    </message>
    <message>
        <source>waiting: tenant quota reached (%1/%2)</source>
        <translation>等待中：已达租户配额（%1/%2）</translation>
    </message>
    <message>
        <source>waiting: tenant quota reached</source>
        <translation>等待中：已达租户配额</translation>
    </message>
    <message>
        <source>waiting: tenant quota for %1 reached (%2/%3)</source>
        <translation>等待中：已达租户的 %1 配额（%2/%3）</translation>
    </message>
    <message>
        <source>waiting: tenant quota for %1 reached</source>
        <translation>等待中：已达租户的 %1 配额</translation>
    </message>
    <message>
        <source>waiting: project quota reached (%1/%2)</source>
        <translation>等待中：已达项目配额（%1/%2）</translation>
    </message>
    <message>
        <source>waiting: project quota reached</source>
        <translation>等待中：已达项目配额</translation>
    </message>
    <message>
        <source>waiting: project quota for %1 reached (%2/%3)</source>
        <translation>等待中：已达项目的 %1 配额（%2/%3）</translation>
    </message>
    <message>
        <source>waiting: project quota for %1 reached</source>
        <translation>等待中：已达项目的 %1 配额</translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s accelerator-hours for this month are used up (%1/%2 h)</source>
        <translation>等待中：租户本月卡时已用完（%1/%2 卡时）</translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s accelerator-hours for this month are used up</source>
        <translation>等待中：租户本月卡时已用完</translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s %1 accelerator-hours for this month are used up (%2/%3 h)</source>
        <translation>等待中：租户本月 %1 卡时已用完（%2/%3 卡时）</translation>
    </message>
    <message>
        <source>waiting: the tenant&apos;s %1 accelerator-hours for this month are used up</source>
        <translation>等待中：租户本月 %1 卡时已用完</translation>
    </message>
    <message>
        <source>waiting: the nodes it asked for are down, drained or reserved</source>
        <translation>等待中：所申请的节点宕机、已排空或已预留</translation>
    </message>
    <message>
        <source>waiting for another job to finish</source>
        <translation>等待其他作业结束</translation>
    </message>
    <message>
        <source>waiting for the start time its user set</source>
        <translation>等待用户设定的开始时间</translation>
    </message>
    <message>
        <source>just submitted: the scheduler has not looked at it yet</source>
        <translation>刚提交：调度器尚未处理</translation>
    </message>
    <message>
        <source>waiting (the scheduler says %1)</source>
        <translation>等待中（调度器原因：%1）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Shanghai Lingang · nodes by state</source>
        <translation>上海临港 · 节点状态</translation>
    </message>
    <message>
        <source>Shanghai Lingang · accelerator utilisation</source>
        <translation>上海临港 · 加速卡利用率</translation>
    </message>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>/ 16,000</source>
        <translation>/ 16,000</translation>
    </message>
    <message>
        <source>Queue wait p95</source>
        <translation>排队等待 p95</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>gpu-h800: 212 jobs pending</source>
        <translation>gpu-h800：212 个作业排队中</translation>
    </message>
    <message>
        <source>Nodes down</source>
        <translation>宕机节点</translation>
    </message>
    <message>
        <source>Power draw</source>
        <translation>用电功率</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>PUE 1.18 · 3.9 t CO₂/h</source>
        <translation>PUE 1.18 · 3.9 吨 CO₂/小时</translation>
    </message>
    <message>
        <source>Accelerator-hours used this month by tenant Zhejiang Lab (all projects)</source>
        <translation>租户之江实验室本月已用卡时（全部项目）</translation>
    </message>
    <message>
        <source>accelerator-hours</source>
        <translation>卡时</translation>
    </message>
    <message>
        <source>quota resets on the first of the month at 00:00 CST</source>
        <translation>配额于每月 1 日 00:00（北京时间）重置</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Reconnecting in 5 s</source>
        <translation>5 秒后重连</translation>
    </message>
    <message>
        <source>Certificate changed</source>
        <translation>证书已变更</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>Needs the operator or admin role.</source>
        <translation>需要运维人员或管理员角色。</translation>
    </message>
    <message>
        <source>Needs the tenant-manager or admin role.</source>
        <translation>需要租户管理员或管理员角色。</translation>
    </message>
    <message>
        <source>Needs the admin role.</source>
        <translation>需要管理员角色。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>部分分配</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>completing</source>
        <translation>结束中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>运维人员</translation>
    </message>
    <message>
        <source>tenant manager</source>
        <translation>租户管理员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>node down</source>
        <translation>节点宕机</translation>
    </message>
    <message>
        <source>XID error</source>
        <translation>XID 错误</translation>
    </message>
    <message>
        <source>ECC errors</source>
        <translation>ECC 错误</translation>
    </message>
    <message>
        <source>overheating</source>
        <translation>过热</translation>
    </message>
    <message>
        <source>long queue wait</source>
        <translation>排队过久</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 MW</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator of list items</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>quota request state</comment>
        <translation>待审批</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Management console for AI compute centres.</source>
        <translation>智算中心管理控制台。</translation>
    </message>
    <message>
        <source>Start three simulated centres and connect to them.</source>
        <translation>启动三个模拟中心并连接。</translation>
    </message>
    <message>
        <source>No centres configured yet. Start with `suanli --demo` to try three simulated centres.</source>
        <translation>尚未配置任何中心。可运行 `suanli --demo` 启动三个模拟中心试用。</translation>
    </message>
</context>
<context>
    <name>suanli::app::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation>已于 %1 恢复</translation>
    </message>
    <message>
        <source>acknowledged %1</source>
        <translation>已于 %1 确认</translation>
    </message>
</context>
<context>
    <name>suanli::app::AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>hash %1</source>
        <translation>哈希 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
</context>
<context>
    <name>suanli::app::ConfirmActionDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Required: shown to other admins and in the audit log</source>
        <translation>必填，记入审计日志</translation>
    </message>
    <message>
        <source>Optional: kept in the audit log</source>
        <translation>选填，记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>suanli::app::DemoFederation</name>
    <message>
        <source>suanlid was not found next to the console or on PATH; build it or install it first.</source>
        <translation>在控制台所在目录和 PATH 中均未找到 suanlid，请先构建或安装。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the demo centres: %1</source>
        <translation>无法为演示中心创建临时目录：%1</translation>
    </message>
    <message>
        <source>Could not create the demo admin for %1: %2</source>
        <translation>无法为 %1 创建演示管理员：%2</translation>
    </message>
    <message>
        <source>The demo centre %1 could not start.</source>
        <translation>演示中心 %1 无法启动。</translation>
    </message>
    <message>
        <source>The demo centre %1 stopped (exit %2): %3</source>
        <translation>演示中心 %1 已停止（退出码 %2）：%3</translation>
    </message>
</context>
<context>
    <name>suanli::app::JobTableModel</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why waiting</source>
        <translation>等待原因</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Waited / ran for</source>
        <translation>已等待 / 已运行</translation>
    </message>
    <message>
        <source>The scheduler&apos;s reason: %1</source>
        <translation>调度器给出的原因：%1</translation>
    </message>
    <message numerus="yes">
        <source>on %n node(s): %1</source>
        <translation>
            <numerusform>运行于 %n 个节点：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>asks for %n node(s)</source>
        <translation>
            <numerusform>申请 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting since %1</source>
        <translation>自 %1 起等待</translation>
    </message>
    <message>
        <source>ran from %1 to %2</source>
        <translation>运行于 %1 至 %2</translation>
    </message>
    <message>
        <source>running since %1, time limit %2</source>
        <translation>自 %1 起运行，时限 %2</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>自 %1 起运行</translation>
    </message>
</context>
<context>
    <name>suanli::app::MainWindow</name>
    <message>
        <source>Suanli — compute centre console</source>
        <translation>Suanli 算力 — 智算中心控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>The language changes when Suanli starts again.</source>
        <translation>重新启动 Suanli 后切换语言。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Suanli</source>
        <translation>关于 Suanli(&amp;A)</translation>
    </message>
    <message>
        <source>About Suanli</source>
        <translation>关于 Suanli</translation>
    </message>
    <message>
        <source>Suanli (算力) — a management console for AI compute centres.</source>
        <translation>Suanli（算力）— 智算中心管理控制台。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>%1: live</source>
        <translation>%1：在线</translation>
    </message>
    <message>
        <source>%1: backend unreachable, data %2 s old</source>
        <translation>%1：后端无法访问，数据已滞后 %2 秒</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: reconnecting in %2 s</source>
        <translation>%1：%2 秒后重连</translation>
    </message>
    <message>
        <source>%1: token refused</source>
        <translation>%1：令牌被拒绝</translation>
    </message>
    <message>
        <source>%1: certificate not trusted yet</source>
        <translation>%1：证书尚未受信任</translation>
    </message>
    <message>
        <source>%1: certificate changed — blocked</source>
        <translation>%1：证书已变更，已阻止连接</translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1：已断开</translation>
    </message>
    <message>
        <source>Trust this centre?</source>
        <translation>信任此中心？</translation>
    </message>
    <message>
        <source>%1 presents a certificate authority this console has not seen before.

SHA-256 fingerprint:
%2

Compare it with the fingerprint suanlid printed when it started. Trust it?</source>
        <translation>%1 提供了本控制台从未见过的证书颁发机构。

SHA-256 指纹：
%2

请与 suanlid 启动时打印的指纹进行比对。是否信任？</translation>
    </message>
    <message>
        <source>%1 is not connected: its certificate was not trusted.</source>
        <translation>%1 未连接：其证书未被信任。</translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT certificate authority (%2). The connection is blocked: this can mean someone is intercepting it. Check with the centre&apos;s operators before trusting it.</source>
        <translation>%1 现在提供的证书颁发机构已变更（%2）。连接已被阻止：这可能意味着有人在拦截通信。请先与该中心的运维人员核实，再决定是否信任。</translation>
    </message>
    <message>
        <source>%1 refused the token: it may have been revoked. Ask an admin for a new one.</source>
        <translation>%1 拒绝了令牌：令牌可能已被吊销。请向管理员申请新令牌。</translation>
    </message>
</context>
<context>
    <name>suanli::app::NodeTableModel</name>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Accelerator memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>set by %1 on %2</source>
        <translation>由 %1 于 %2 设置</translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation>由 %1 设置</translation>
    </message>
    <message>
        <source>reboot pending: the node restarts when its jobs end</source>
        <translation>待重启：作业结束后节点将重启</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s) failed</source>
        <translation>
            <numerusform>%n 张加速卡故障</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NodesPage</name>
    <message>
        <source>&amp;Drain…</source>
        <translation>排空(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Resume…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;boot…</source>
        <translation>重启(&amp;B)…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Filter, e.g. state:drained model:910B util&lt;10</source>
        <translation>筛选，例如 state:drained model:910B util&lt;10</translation>
    </message>
    <message>
        <source>Position %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <source>Colour by utilisation</source>
        <translation>按利用率着色</translation>
    </message>
    <message>
        <source>Colour by temperature</source>
        <translation>按温度着色</translation>
    </message>
    <message>
        <source>Colour by power</source>
        <translation>按功率着色</translation>
    </message>
    <message>
        <source>Nodes by rack</source>
        <translation>按机柜分布的节点</translation>
    </message>
    <message>
        <source>%1 of %2 accelerators in use</source>
        <translation>%2 张加速卡中 %1 张在用</translation>
    </message>
    <message>
        <source>Utilisation %1, %2, %3</source>
        <translation>利用率 %1，%2，%3</translation>
    </message>
    <message>
        <source>Stop scheduling jobs on the selected nodes; running jobs finish (Ctrl+D)</source>
        <translation>停止向所选节点调度作业；正在运行的作业将继续运行至结束（Ctrl+D）</translation>
    </message>
    <message>
        <source>Return the selected nodes to service (Ctrl+R)</source>
        <translation>使所选节点恢复服务（Ctrl+R）</translation>
    </message>
    <message>
        <source>Reboot the selected nodes once their jobs have ended (Ctrl+Shift+B)</source>
        <translation>在作业结束后重启所选节点（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n node(s)? No new jobs will start on them; running jobs finish.</source>
        <translation>
            <numerusform>排空 %n 个节点？这些节点将不再启动新作业，正在运行的作业将继续运行至结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <source>Return %n node(s) to service?</source>
        <translation>
            <numerusform>使 %n 个节点恢复服务？</numerusform>
        </translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n node(s) once their jobs have ended?</source>
        <translation>
            <numerusform>在作业结束后重启 %n 个节点？</numerusform>
        </translation>
    </message>
    <message>
        <source>Export nodes</source>
        <translation>导出节点</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n node(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个节点导出到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>suanli::app::NotificationBar</name>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>suanli::app::OverviewPage</name>
    <message>
        <source>Accelerators in use</source>
        <translation>在用加速卡</translation>
    </message>
    <message>
        <source>Accelerators free</source>
        <translation>空闲加速卡</translation>
    </message>
    <message>
        <source>Accelerators down</source>
        <translation>故障加速卡</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Jobs running</source>
        <translation>运行中作业</translation>
    </message>
    <message>
        <source>Jobs pending</source>
        <translation>排队中作业</translation>
    </message>
    <message>
        <source>Median wait</source>
        <translation>等待时间中位数</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未处理告警</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>设施总功率</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Carbon per hour</source>
        <translation>每小时碳排放</translation>
    </message>
    <message>
        <source>Peak FP16</source>
        <translation>FP16 峰值算力</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>已挂起 %1</translation>
    </message>
    <message>
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>严重 %1</translation>
    </message>
    <message>
        <source>IT %1</source>
        <translation>IT %1</translation>
    </message>
    <message>
        <source>kg CO₂</source>
        <translation>kg CO₂</translation>
    </message>
    <message>
        <source>grid %1 g/kWh</source>
        <translation>碳排放因子 %1 g/kWh</translation>
    </message>
    <message>
        <source>PFLOPS</source>
        <translation>PFLOPS</translation>
    </message>
</context>
<context>
    <name>suanli::app::ProfileStore</name>
    <message>
        <source>No token stored for %1: %2</source>
        <translation>未保存 %1 的令牌：%2</translation>
    </message>
</context>
<context>
    <name>suanli::app::QueueTableModel</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1: %2 free, %3 in use, %4 down, %5 unavailable, of %6</source>
        <translation>%1：空闲 %2，在用 %3，宕机 %4，不可用 %5，共 %6</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Wait (median)</source>
        <translation>等待（中位数）</translation>
    </message>
    <message>
        <source>Wait (95th percentile)</source>
        <translation>等待（p95）</translation>
    </message>
    <message>
        <source>Largest startable</source>
        <translation>最大可启动</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>the default queue</source>
        <translation>默认队列</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) available</source>
        <translation>
            <numerusform>%n 个节点中 %1 个可用</numerusform>
        </translation>
    </message>
    <message>
        <source>jobs may run up to %1</source>
        <translation>作业最长可运行 %1</translation>
    </message>
    <message>
        <source>pending jobs ask for %1 accelerators</source>
        <translation>排队作业申请 %1 张加速卡</translation>
    </message>
    <message>
        <source>half the jobs that started in the last hour waited less than this</source>
        <translation>过去一小时内启动的作业中，半数的等待时间短于此值</translation>
    </message>
    <message>
        <source>95 % of the jobs that started in the last hour waited less than this</source>
        <translation>过去一小时内启动的作业中，95% 的等待时间短于此值</translation>
    </message>
    <message>
        <source>the most accelerators a job could get if it started now</source>
        <translation>作业若现在启动，最多可获得的加速卡数</translation>
    </message>
</context>
<context>
    <name>suanli::app::QuotaRequestTableModel</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Accelerators (current → asked)</source>
        <translation>加速卡（当前 → 申请）</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Needs admin</source>
        <translation>需管理员</translation>
    </message>
    <message>
        <source>asked %1</source>
        <translation>申请于 %1</translation>
    </message>
    <message>
        <source>the tenant&apos;s own quota</source>
        <translation>租户自身配额</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>accelerator-hours a month: %1 → %2</source>
        <translation>每月卡时：%1 → %2</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>decided by %1 on %2</source>
        <translation>由 %1 于 %2 审批</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>approving would go beyond the tenant&apos;s own quota: only a centre admin may approve</source>
        <translation>批准后将超出租户自身配额：只有中心管理员可以批准</translation>
    </message>
</context>
<context>
    <name>suanli::app::TenantTreeModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 %3 in use</source>
        <translation>%3：已用 %1 张，配额 %2 张</translation>
    </message>
    <message>
        <source>%1 %2 in use, no quota set</source>
        <translation>%2：已用 %1 张，未设配额</translation>
    </message>
    <message>
        <source>%1 more asked for by pending jobs</source>
        <translation>排队作业另需 %1 张</translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1 of %2</source>
        <translation>本月卡时：%1 / %2</translation>
    </message>
    <message>
        <source>accelerator-hours this month: %1</source>
        <translation>本月卡时：%1</translation>
    </message>
    <message>
        <source>tenant %1: %2</source>
        <translation>租户 %1：%2</translation>
    </message>
    <message>
        <source>project %1: %2</source>
        <translation>项目 %1：%2</translation>
    </message>
    <message>
        <source>Tenant / project</source>
        <translation>租户 / 项目</translation>
    </message>
    <message>
        <source>%1 accelerators in use / quota</source>
        <translation>%1 加速卡：在用 / 配额</translation>
    </message>
</context>
<context>
    <name>suanli::client::Connection</name>
    <message>
        <source>checking the gateway&apos;s certificate</source>
        <translation>正在检查网关证书</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <source>the gateway presents a certificate authority with fingerprint %1; it is not trusted yet</source>
        <translation>网关提供的证书颁发机构指纹为 %1，尚未受信任</translation>
    </message>
    <message>
        <source>the gateway now presents a certificate authority with fingerprint %1, not the trusted %2</source>
        <translation>网关现在提供的证书颁发机构指纹为 %1，而非受信任的 %2</translation>
    </message>
    <message>
        <source>live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>the gateway did not send the centre&apos;s state in time</source>
        <translation>网关未及时发送中心状态</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s: %1</source>
        <translation>
            <numerusform>%n 秒后重连：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting: %1</source>
        <translation>正在重连：%1</translation>
    </message>
</context>
<context>
    <name>suanli::client::TlsProbe</name>
    <message>
        <source>no TLS handshake within the time allowed</source>
        <translation>未在规定时间内完成 TLS 握手</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not host:port</source>
        <translation>“%1”不是 host:port 格式</translation>
    </message>
    <message>
        <source>the gateway presented no certificate</source>
        <translation>网关未提供证书</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::KpiTile</name>
    <message>
        <source>%1 in the last %2</source>
        <comment>trend: change, period</comment>
        <translation>近 %2 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>age in seconds</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>age in minutes</comment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>age in hours</comment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>age in days</comment>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Stale: no recent data</source>
        <translation>数据过期：近期无数据</translation>
    </message>
    <message>
        <source>Stale: updated %1 ago</source>
        <translation>数据过期：%1前更新</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::QuotaBar</name>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation>已用 %1，未设配额</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>未设配额</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %, over quota)</source>
        <translation>%1 / %2（%3%，超出配额）</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::RackHeatmap</name>
    <message>
        <source>Rack heatmap</source>
        <translation>机柜热力图</translation>
    </message>
    <message>
        <source>no rack</source>
        <translation>无机柜</translation>
    </message>
    <message>
        <source>%1 (rack %2)
%3</source>
        <translation>%1（机柜 %2）
%3</translation>
    </message>
    <message>
        <source>%1 nodes in %2 racks: %3</source>
        <translation>%2 个机柜共 %1 个节点：%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>legend: state, count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>racks from, to</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value, unit</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>suanli::widgets::StatusBadge</name>
    <message>
        <source>%1+</source>
        <comment>more than a count</comment>
        <translation>%1+</translation>
    </message>
</context>
</TS>
